using Akka.Actor;
using Akka.Hosting;
using AkkaRpc.Protocol;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting;

/// <content>The node admin.</content>
public static partial class AkkaRpcHostingExtensions
{
    /// <summary>
    /// Starts the node admin at <see cref="NodePaths.Admin"/>: it answers <see cref="GetNodeStatus"/> (addresses,
    /// connections, each database's state) and <see cref="StopNode"/>, and with <see cref="NodeOptions.IdleShutdown"/> set
    /// stops the system after that long with no inbound connections. Add it after <see cref="WithAkkaRpcDatabases"/>,
    /// whose supervisor it reports on.
    /// </summary>
    public static AkkaConfigurationBuilder WithAkkaRpcNodeAdmin(this AkkaConfigurationBuilder builder, NodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new NodeOptions();
        options.Validate();
        return builder.WithActors((system, registry) =>
        {
            var databases = registry.TryGet<DatabasesSupervisor>(out var supervisor) ? supervisor : Nobody.Instance;
            system.ActorOf(NodeAdmin.Props(databases, options), NodePaths.AdminName);
        });
    }
}
