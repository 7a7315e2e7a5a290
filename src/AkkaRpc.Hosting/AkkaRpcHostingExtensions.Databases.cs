using Akka.Actor;
using Akka.Hosting;
using AkkaRpc.Protocol;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting;

/// <content>Hosting the database owners.</content>
public static partial class AkkaRpcHostingExtensions
{
    /// <summary>
    /// Starts the databases' supervisor at <c>/user/databases</c> in this actor system and registers it in Akka.Hosting's
    /// <see cref="ActorRegistry"/> under <see cref="DatabasesSupervisor"/> (so <c>IRequiredActor&lt;DatabasesSupervisor&gt;</c>
    /// finds it). Send it <see cref="Resolve"/> for a database's owner, then <see cref="Query"/>, <see cref="Execute"/>,
    /// ... to the owner. On shutdown (<see cref="CoordinatedShutdown"/>'s <c>service-requests-done</c> phase) every owner
    /// answers the requests already queued for it, then closes its database. Add <see cref="WithAkkaRpcTransport"/> to
    /// serve them to other processes. See <see cref="AkkaRpcDatabases.Start"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">How the owners run.</param>
    /// <param name="sharded">Set on a cluster member (see <see cref="WithAkkaRpcCluster"/>): owners are placed by the shard region.</param>
    public static AkkaConfigurationBuilder WithAkkaRpcDatabases(this AkkaConfigurationBuilder builder, DatabasesOptions? options = null, ShardedDatabasesOptions? sharded = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new DatabasesOptions();
        options.Validate();
        return builder
            .WithAkkaRpcSerialization()
            .AddHocon(AkkaRpcDatabases.DefaultConfig, HoconAddMode.Append)
            .WithActors((system, registry) => registry.Register<DatabasesSupervisor>(AkkaRpcDatabases.Start(system, options, sharded)));
    }
}
