using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting;

/// <content>Cluster mode.</content>
public static partial class AkkaRpcHostingExtensions
{
    /// <summary>
    /// Makes the node a cluster member (<see cref="ClusterNodeOptions"/>): Akka.Cluster over AkkaRpc's transport, the
    /// Split Brain Resolver, and the databases' shard region (a proxy on a member without <see cref="ClusterNodeOptions.DatabaseRole"/>)
    /// registered as <see cref="DatabaseShardRegion"/> and handed to this member's <c>/user/databases</c>, which must have
    /// been started sharded (<see cref="AkkaRpcDatabases.Start(ActorSystem, DatabasesOptions?, ShardedDatabasesOptions?)"/>).
    /// </summary>
    public static AkkaConfigurationBuilder WithAkkaRpcCluster(this AkkaConfigurationBuilder builder, ClusterNodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var extractor = DatabaseShards.Extractor(options.Shards);
        builder
            .WithClustering(new ClusterOptions { Roles = [.. options.Roles], SeedNodes = [.. options.SeedNodes] })
            .AddHocon(options.ToConfig(), HoconAddMode.Prepend);
        builder = options.HostsDatabases
            ? builder.WithShardRegion<DatabaseShardRegion>(
                DatabaseShards.TypeName,
                (_, registry) => name => DatabaseShards.EntityProps(name, registry.Get<DatabasesSupervisor>()),
                extractor,
                new ShardOptions
                {
                    Role = options.DatabaseRole,
                    StateStoreMode = StateStoreMode.DData,
                    RememberEntities = false,
                    ShouldPassivateIdleEntities = false,
                    HandOffStopMessage = DatabaseShards.HandOffStopMessage,
                })
            : builder.WithShardRegionProxy<DatabaseShardRegion>(DatabaseShards.TypeName, options.DatabaseRole ?? string.Empty, extractor);
        return builder.WithActors((system, registry) =>
        {
            registry.Get<DatabasesSupervisor>().Tell(new DatabasesSupervisor.UseShardRegion(registry.Get<DatabaseShardRegion>()));
            system.ActorOf(QuarantineGuard.Props(), QuarantineGuard.Name);
        });
    }
}
