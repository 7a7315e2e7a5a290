using System.Net;
using System.Net.Sockets;
using AkkaRpc.Actors;
using AkkaRpc.Remote.Tests.Support;

namespace AkkaRpc.Remote.Tests.Remoting;

public sealed class PortSearchTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-ports-");
    private readonly ActorSystem _system = ActorSystem.Create("ports");

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _system.Terminate().WaitAsync(TestTimeouts.Ceiling);
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task ATakenPort_IsSkipped_AndTheNextFreeOneIsBound()
    {
        var first = FreePortPair();
        using var held = Hold(first);

        await using var remoting = await AkkaRpc.Remote.Remoting.StartAsync(_system, Options(first, search: 3));

        Assert.Equal(first + 1, remoting.TcpAddress!.Port);
    }

    [Fact]
    public async Task AFreeFirstPort_IsBound()
    {
        var first = FreePortPair();

        await using var remoting = await AkkaRpc.Remote.Remoting.StartAsync(_system, Options(first, search: 10));

        Assert.Equal(first, remoting.TcpAddress!.Port);
    }

    [Fact]
    public async Task EveryPortTaken_FailsNamingTheRange()
    {
        var first = FreePortPair();
        using var a = Hold(first);
        using var b = Hold(first + 1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AkkaRpc.Remote.Remoting.StartAsync(_system, Options(first, search: 2)));

        Assert.Contains($"Every TCP port from {first} to {first + 1} on 127.0.0.1 is taken", error.Message, StringComparison.Ordinal);
        Assert.Contains("port-search = 2", error.Message, StringComparison.Ordinal);

        // Nothing was left half-started: the system can still start remoting.
        await using var again = await AkkaRpc.Remote.Remoting.StartAsync(_system, Options(0, search: 1));
        Assert.NotNull(again.TcpAddress);
    }

    [Fact]
    public async Task OneTakenPortWithoutSearch_FailsNamingThePort()
    {
        var first = FreePortPair();
        using var held = Hold(first);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AkkaRpc.Remote.Remoting.StartAsync(_system, Options(first, search: 1)));

        Assert.Contains($"TCP port {first} on 127.0.0.1 is taken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4053, 0)]
    [InlineData(65535, 2)]
    public void AnOutOfRangeSearch_IsRefusedByValidate(int port, int search)
    {
        var options = new RemotingOptions { Transport = new RemoteTransportOptions { Port = port }, TcpPortSearch = search };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(nameof(RemotingOptions.TcpPortSearch), error.Message, StringComparison.Ordinal);
    }

    private RemotingOptions Options(int port, int search) => new()
    {
        Transport = new RemoteTransportOptions { Port = port, CookiePath = Path.Combine(_directory.FullName, "cookie") },
        TcpPortSearch = search,
    };

    private static TcpListener Hold(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return listener;
    }

    /// <summary>A port whose successor was free a moment ago too (the OS picks the first; the second is checked).</summary>
    private static int FreePortPair()
    {
        while (true)
        {
            using var probe = Hold(0);
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            if (port >= IPEndPoint.MaxPort)
            {
                continue;
            }

            try
            {
                using var next = Hold(port + 1);
                return port;
            }
            catch (SocketException)
            {
                // The next one is in use; pick again.
            }
        }
    }
}
