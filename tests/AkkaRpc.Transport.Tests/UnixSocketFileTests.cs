using System.Net.Sockets;
using Akka.Actor;
using Akka.TestKit;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Tests.Support;
using Xunit.Abstractions;

namespace AkkaRpc.Transport.Tests;

/// <summary>The socket file rules of rpc.unix: private, replaced when stale, never stolen when live.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnixSocketFileTests(ITestOutputHelper output) : TransportTestKit(TransportKind.Unix, output)
{
    private string SocketPath => Dir.Path("node.sock");

    [Fact]
    public async Task SocketFile_IsOwnerOnly_InAPrivateDirectory_AndRemovedOnShutdown()
    {
        string directory = Dir.Path("sockets");
        string path = Path.Combine(directory, "node.sock");
        ActorSystem node = StartSystem("node", extraSection: $"socket-path = \"{path}\"");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.Equal(path, UnixSocketAddress.GetSocketPath(BoundAddress(node)));

        await node.Terminate();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task StaleSocketFile_FromADeadNode_IsReplaced()
    {
        // A killed node leaves its socket file behind. .NET unlinks the file when a socket it bound is disposed,
        // so bind elsewhere and rename the file into place: what remains is a socket file nobody accepts on.
        string bound = Dir.Path("dead.sock");
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            dead.Bind(new UnixDomainSocketEndPoint(bound));
            File.Move(bound, SocketPath);
        }

        var transport = new RpcUnixTransport(Sys, Kind.TransportConfig(Dir, "node"));
        TestProbe logs = WatchLogs(Sys);

        (Address address, _) = await transport.Listen();

        ExpectLog(logs, "Replaced stale socket file");
        Assert.Equal(SocketPath, UnixSocketAddress.GetSocketPath(address));
        await transport.Shutdown();
    }

    [Fact]
    public async Task LiveNodesSocket_IsNeverStolen()
    {
        (_, Address first) = StartNode();
        var second = new RpcUnixTransport(Sys, Kind.TransportConfig(Dir, "node"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.Listen());

        Assert.Contains($"Another node is listening at '{SocketPath}'", error.Message, StringComparison.Ordinal);
        await AssertServesClientAsync(first);
    }

    [Fact]
    public async Task LiveForeignSocket_WithoutTheLockFile_IsNeverStolen()
    {
        using var foreign = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        foreign.Bind(new UnixDomainSocketEndPoint(SocketPath));
        foreign.Listen(1);
        var transport = new RpcUnixTransport(Sys, Kind.TransportConfig(Dir, "node"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.Listen());

        Assert.Contains($"Another node is listening at '{SocketPath}'", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(SocketPath));
    }

    [Fact]
    public async Task SharedDirectory_IsRefused()
    {
        string shared = Dir.Path("shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b111_101_101);
        var transport = new RpcUnixTransport(Sys, Kind.TransportConfig(Dir, "node", $"socket-path = \"{Path.Combine(shared, "node.sock")}\""));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.Listen());

        Assert.Contains("can be entered by other users", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListeningWithoutASocketPath_IsAClearError()
    {
        var transport = new RpcUnixTransport(Sys, AkkaRpcTransportConfig.Default.GetConfig("akka.remote.rpc-unix"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.Listen());

        Assert.Contains("has no socket-path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PeerCredentials_OfOurOwnProcess_AreAccepted()
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        client.Connect(new UnixDomainSocketEndPoint(SocketPath));
        using Socket accepted = listener.Accept();

        Assert.NotNull(PeerCredentials.OwnUid);
        Assert.Null(PeerCredentials.CheckSameUser(accepted));
        Assert.Null(PeerCredentials.CheckSameUser(client));
    }
}
