using Akka.Actor;
using Akka.Actor.Setup;
using AkkaRpc.Client;
using AkkaRpc.Hosting;
using AkkaRpc.Protocol;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Client.Tests;

/// <summary>An in-process node (the databases' supervisor behind our transport on a Unix socket) with its own directory and cookie.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private ActorSystem? _system;

    private TestNode(string directory, ActorSystem system)
    {
        Directory = directory;
        _system = system;
    }

    public static TimeSpan Ceiling { get; } = TestTime.Seconds(10);

    public string Directory { get; }

    public string Socket => Path.Combine(Directory, "node.sock");

    public string Cookie => Path.Combine(Directory, "cookie");

    public string DataDirectory => Path.Combine(Directory, "data");

    public int? TcpPort { get; private init; }

    /// <summary>The node's actor system, while it runs.</summary>
    public ActorSystem System => _system ?? throw new InvalidOperationException("The node is stopped.");

    /// <summary>Options for a client of this node: its socket and cookie, no spawning, a connection of its own.</summary>
    public AkkaRpcClientOptions ClientOptions(bool privateConnection = true) => new()
    {
        UnixSocket = Socket,
        CookiePath = Cookie,
        AutoSpawn = false,
        PrivateConnection = privateConnection,
        RuntimeDirectory = Directory,
        RequestTimeout = Ceiling,

        // A loaded machine (CI) may take seconds for a handshake, TLS above all.
        ConnectTimeout = TestTime.Seconds(5),
    };

    public static async Task<TestNode> StartAsync(DatabasesOptions? databases = null, int? tcpPort = null, Func<NodeTransportOptions, NodeTransportOptions>? transport = null)
    {
        var directory = global::System.IO.Directory.CreateTempSubdirectory("akkarpc-client-").FullName;
        return await StartInAsync(directory, databases, tcpPort, transport);
    }

    /// <summary>
    /// A node whose <c>/user/databases</c> is what <paramref name="startDatabases"/> makes of the real supervisor it is
    /// given (started under another name): a stand-in for a cluster member's answers.
    /// </summary>
    public static Task<TestNode> StartWithAsync(Func<ActorSystem, IActorRef, Props> startDatabases, int? tcpPort = null)
    {
        var directory = global::System.IO.Directory.CreateTempSubdirectory("akkarpc-client-").FullName;
        return StartInAsync(directory, null, tcpPort, null, startDatabases);
    }

    /// <summary>The node's addresses on every transport it listens on (the DotNetty one included, when enabled).</summary>
    public IEnumerable<Address> Addresses => ((Akka.Remote.IRemoteActorRefProvider)((ExtendedActorSystem)System).Provider).Transport.Addresses;

    /// <summary>
    /// Waits until <paramref name="database"/>'s owner is busy with one request while another waits in its mailbox: a
    /// request sent just before that other one is then certainly running on the node.
    /// </summary>
    public async Task WaitUntilBusyAsync(string database)
    {
        var supervisor = await System.ActorSelection("/user/" + NodePaths.DatabasesName).ResolveOne(Ceiling);
        using var ceiling = new CancellationTokenSource(Ceiling);
        while (true)
        {
            var report = await supervisor.Ask<DatabasesSupervisor.StatusReport>(DatabasesSupervisor.GetStatus.Instance, Ceiling);
            if (report.Databases.Any(d => d.Name == database && d.MailboxDepth >= 1))
            {
                return;
            }

            // Polling the node's own status is the only view into its owner; the ceiling bounds it.
            await Task.Delay(TimeSpan.FromMilliseconds(5), ceiling.Token);
        }
    }

    /// <summary>Closes every connection without a goodbye: to its clients the node vanished, as a killed process does; it keeps running.</summary>
    public void CutConnections() => Transport.AkkaRpcTransportExtension.Get(System).AbortConnections("the test cut the node's connections");

    /// <summary>Stops the node abruptly for its clients (connections close) and starts a fresh one on the same socket and data.</summary>
    public async Task<TestNode> RestartAsync()
    {
        await StopAsync();
        return await StartInAsync(Directory, null, TcpPort, null);
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _system, null) is { } system)
        {
            await system.Terminate();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            global::System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A restarted node shares the directory; the last one to go removes it.
        }
    }

    private static Task<TestNode> StartInAsync(string directory, DatabasesOptions? databases, int? tcpPort, Func<NodeTransportOptions, NodeTransportOptions>? customize, Func<ActorSystem, IActorRef, Props>? startDatabases = null)
    {
        var transport = new NodeTransportOptions
        {
            TcpEnabled = tcpPort is not null,
            Port = tcpPort ?? 0,
            UnixSocket = Path.Combine(directory, "node.sock"),
            CookiePath = Path.Combine(directory, "cookie"),
        };
        transport = customize?.Invoke(transport) ?? transport;
        var config = transport.ToConfig().WithFallback(Transport.AkkaRpcTransportConfig.Default).WithFallback(ProtocolConfig.Serialization).WithFallback(AkkaRpcDatabases.DefaultConfig);
        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config));
        if (transport.ToSetup() is { } tls)
        {
            setup = setup.And(tls);
        }

        var system = ActorSystem.Create("AkkaRpc", setup);
        var options = databases ?? new DatabasesOptions();
        options.Database.DataDirectory = Path.Combine(directory, "data");
        if (startDatabases is null)
        {
            AkkaRpcDatabases.Start(system, options);
        }
        else
        {
            var real = system.ActorOf(DatabasesSupervisor.Props(options), "real-databases");
            system.ActorOf(startDatabases(system, real), NodePaths.DatabasesName);
        }
        return Task.FromResult(new TestNode(directory, system) { TcpPort = tcpPort });
    }
}
