using AkkaRpc.Actors;
using AkkaRpc.Client;
using AkkaRpc.Remote;
using AkkaRpc.Sqlite;
using AkkaRpc.Sqlite.Wire;
using AkkaRpc.TestKit;

namespace AkkaRpc.Client.Tests;

/// <summary>An in-process node (the databases supervisor behind remoting on a Unix socket) with its own directory and cookie.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private readonly ActorSystem _system;
    private Remoting? _remoting;

    private TestNode(string directory, ActorSystem system, Remoting remoting)
    {
        Directory = directory;
        _system = system;
        _remoting = remoting;
    }

    public static TimeSpan Ceiling { get; } = TestKitSettings.Dilated(TimeSpan.FromSeconds(10));

    public string Directory { get; }

    public string Socket => Path.Combine(Directory, "node.sock");

    public string Cookie => Path.Combine(Directory, "cookie");

    public string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>Options for a client of this node: its socket and cookie, no spawning, a connection of its own.</summary>
    public AkkaRpcClientOptions ClientOptions(bool privateConnection = true) => new()
    {
        UnixSocket = Socket,
        CookiePath = Cookie,
        AutoSpawn = false,
        PrivateConnection = privateConnection,
        RuntimeDirectory = Directory,
        RequestTimeout = Ceiling,
    };

    public int? TcpPort { get; private init; }

    public static async Task<TestNode> StartAsync(DatabasesOptions? databases = null, int? tcpPort = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("akkarpc-client-").FullName;
        return await StartInAsync(directory, databases, tcpPort);
    }

    /// <summary>Stops the node abruptly for its clients (connections close) and starts a fresh one on the same socket and data.</summary>
    public async Task<TestNode> RestartAsync()
    {
        await StopAsync();
        return await StartInAsync(Directory, null, TcpPort);
    }

    public async Task StopAsync()
    {
        if (_remoting is { } remoting)
        {
            _remoting = null;
            await remoting.DisposeAsync();
            await _system.Terminate();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A restarted node shares the directory; the last one to go removes it.
        }
    }

    private static async Task<TestNode> StartInAsync(string directory, DatabasesOptions? databases, int? tcpPort)
    {
        var system = ActorSystem.Create("AkkaRpc");
        var options = databases ?? new DatabasesOptions();
        options.Database.DataDirectory = Path.Combine(directory, "data");
        system.ActorOf(DatabasesSupervisor.Props(options), DatabasesSupervisor.Name);
        var remoting = await Remoting.StartAsync(
            system,
            new RemotingOptions
            {
                ListenTcp = tcpPort is not null,
                UnixSocketPath = Path.Combine(directory, "node.sock"),
                Transport = new RemoteTransportOptions { CookiePath = Path.Combine(directory, "cookie"), Port = tcpPort ?? 0 },
            },
            SqliteCodecs.CreateRegistry());
        return new TestNode(directory, system, remoting) { TcpPort = tcpPort };
    }
}
