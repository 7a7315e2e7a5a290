using Akka.Actor;
using Akka.Actor.Setup;
using AkkaRpc.Hosting;
using AkkaRpc.Protocol;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Bench.Ado;

/// <summary>
/// A node in this process, serving databases from a temporary directory on a Unix socket with its own cookie: clients
/// reach it through the full wire path (socket, handshake, framing, serializers), as they would another process.
/// </summary>
internal sealed class InProcessNode : IAsyncDisposable
{
    private readonly ActorSystem _system;

    private InProcessNode(string directory, ActorSystem system)
    {
        Directory = directory;
        _system = system;
    }

    public string Directory { get; }

    /// <summary>The connection string of <paramref name="database"/> on this node.</summary>
    public string ConnectionString(string database) =>
        $"Database={database};Unix Socket={Path.Combine(Directory, "node.sock")};Cookie Path={Path.Combine(Directory, "cookie")};Runtime Directory={Directory};Auto Spawn=false";

    public static InProcessNode Start()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("akkarpc-bench-ado-").FullName;
        var transport = new NodeTransportOptions
        {
            TcpEnabled = false,
            UnixSocket = Path.Combine(directory, "node.sock"),
            CookiePath = Path.Combine(directory, "cookie"),
        };
        var config = transport.ToConfig()
            .WithFallback(Transport.AkkaRpcTransportConfig.Default)
            .WithFallback(ProtocolConfig.Serialization)
            .WithFallback(AkkaRpcDatabases.DefaultConfig);
        var system = ActorSystem.Create("AkkaRpc", ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config)));
        var options = new DatabasesOptions();
        options.Database.DataDirectory = Path.Combine(directory, "data");
        AkkaRpcDatabases.Start(system, options);
        return new InProcessNode(directory, system);
    }

    public async ValueTask DisposeAsync()
    {
        await _system.Terminate().ConfigureAwait(false);
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
