using System.Net.Sockets;

namespace AkkaRpc.Remote.Tests;

/// <summary>The transport contract over Unix domain sockets, plus socket-file rules.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnixTransportTests : TransportContractTests
{
    private string SocketPath => TempPath("node.sock");

    protected override void UseTransport(RemoteTransportOptions options) => options.UnixSocketPath = SocketPath;

    private protected override Socket BindRawListener()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(TempPath("raw.sock")));
        socket.Listen(4);
        return socket;
    }

    [Fact]
    public async Task SocketFile_IsOwnerOnly_AndRemovedOnDispose()
    {
        await using (TransportListener listener = await StartListenerAsync())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SocketPath));
        }

        Assert.False(File.Exists(SocketPath));
    }

    [Fact]
    public async Task StaleSocketFile_FromDeadNode_IsReplaced()
    {
        // A killed node leaves its socket file behind. .NET unlinks the file when a socket it bound is disposed,
        // so bind elsewhere and rename the file into place: what remains is a socket file nobody accepts on.
        string bound = TempPath("dead.sock");
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            dead.Bind(new UnixDomainSocketEndPoint(bound));
            File.Move(bound, SocketPath);
        }

        Assert.True(File.Exists(SocketPath));

        await using TransportListener listener = await StartListenerAsync();

        await Logs.WaitForAsync("Replaced stale socket file");
        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task LiveListenerPath_IsNeverStolen()
    {
        await using TransportListener first = await StartListenerAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartListenerAsync());

        Assert.Contains($"Another node is listening at '{SocketPath}'", error.Message, StringComparison.Ordinal);
        await AssertServesNormalClientAsync(first);
    }

    [Fact]
    public async Task LiveForeignSocket_WithoutLock_IsNeverStolen()
    {
        using var foreign = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        foreign.Bind(new UnixDomainSocketEndPoint(SocketPath));
        foreign.Listen(1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartListenerAsync());

        Assert.Contains($"Another node is listening at '{SocketPath}'", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(SocketPath));
    }

    [Fact]
    public async Task SharedDirectory_IsRefused()
    {
        string shared = TempPath("shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b111_101_101);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartListenerAsync(o => o.UnixSocketPath = Path.Combine(shared, "node.sock")));

        Assert.Contains("can be entered by other users", error.Message, StringComparison.Ordinal);
    }
}
