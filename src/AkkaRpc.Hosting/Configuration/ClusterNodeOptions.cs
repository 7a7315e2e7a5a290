using System.Globalization;
using Akka.Configuration;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting;

/// <summary>
/// Cluster mode of a node (<c>akkarpc.cluster</c>): Akka.Cluster membership over AkkaRpc's own transport, database
/// owners placed by Cluster.Sharding (one per database cluster-wide), and Akka's Split Brain Resolver deciding which
/// members are down.
/// </summary>
public sealed record ClusterNodeOptions
{
    /// <summary>The split-brain strategies a node accepts (Akka's names).</summary>
    public static IReadOnlyList<string> Strategies { get; } = ["keep-majority", "keep-oldest", "down-all"];

    /// <summary>Whether the node runs as a cluster member. Default off: a single node, no cluster loaded.</summary>
    public bool Enabled { get; init; }

    /// <summary>The members to join first, as Akka addresses (<c>akka.rpc.tcp://AkkaRpc@127.0.0.1:4053</c>); the first one that lists itself forms the cluster.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>This member's roles.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The role of the members that host database owners; null means every member does.</summary>
    public string? DatabaseRole { get; init; }

    /// <summary>Akka's split-brain strategy. Default keep-majority.</summary>
    public string SplitBrainStrategy { get; init; } = "keep-majority";

    /// <summary>How long membership must stay unchanged (reachability included) before the resolver downs anyone. Default 1 s.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often members send each other heartbeats. Default 250 ms.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How late heartbeats may be before a member counts as unreachable. Default 1 s.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Shards the databases are spread over; the same on every member. Default 100.</summary>
    public int Shards { get; init; } = DatabaseShards.DefaultShardCount;

    /// <summary>How a member reaches owners on other members.</summary>
    public ShardedDatabasesOptions Relay { get; init; } = new();

    /// <summary>Whether this member hosts database owners.</summary>
    public bool HostsDatabases => DatabaseRole is null || Roles.Contains(DatabaseRole, StringComparer.Ordinal);

    /// <summary>Checks that every value is in range.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names its key.</exception>
    public void Validate()
    {
        if (!Strategies.Contains(SplitBrainStrategy, StringComparer.Ordinal))
        {
            throw new ArgumentException($"akkarpc.cluster.split-brain-resolver.active-strategy must be one of {string.Join(", ", Strategies)}, not '{SplitBrainStrategy}'.");
        }

        if (StableAfter <= TimeSpan.Zero || HeartbeatInterval <= TimeSpan.Zero || AcceptableHeartbeatPause <= HeartbeatInterval)
        {
            throw new ArgumentException(
                "akkarpc.cluster: split-brain-resolver.stable-after and failure-detector.heartbeat-interval must be positive, and failure-detector.acceptable-heartbeat-pause longer than the heartbeat interval.");
        }

        if (Shards < 1)
        {
            throw new ArgumentException($"akkarpc.cluster.shards must be at least 1, not {Shards}.");
        }

        if (Enabled && SeedNodes.Count == 0)
        {
            // Akka would start the member and leave it waiting for a join forever; a self-join instead would let a member
            // that was only missing its seeds form a second cluster on the same files.
            throw new ArgumentException(
                "akkarpc.cluster.seed-nodes is empty, so this member would join nothing and never come Up. List the members to " +
                "join (--seed-node <address>, repeatable); every member should list the same seeds, and the first seed that " +
                "lists itself forms the cluster when no other answers.");
        }

        foreach (var seed in SeedNodes)
        {
            if (!Akka.Actor.Address.TryParse(seed, out _))
            {
                throw new ArgumentException($"akkarpc.cluster.seed-nodes: '{seed}' is not an Akka address such as akka.rpc.tcp://AkkaRpc@127.0.0.1:4053.");
            }
        }

        Relay.Validate();
    }

    /// <summary>
    /// Akka's settings for this member: the cluster provider, seeds and roles, the failure detector, the Split Brain
    /// Resolver, a downed member's shutdown, and sharding that never moves a live database on its own.
    /// </summary>
    public Config ToConfig()
    {
        Validate();
        var strategy = SplitBrainStrategy;
        var role = Quote(DatabaseRole ?? string.Empty);
        var hocon = $$"""
            akka {
              actor.provider = cluster
              # Members send each other cluster gossip, heartbeats and sharding messages, which untrusted mode drops;
              # every peer, client or member, has passed the cookie handshake before any of it.
              remote.untrusted-mode = off
              cluster {
                seed-nodes = [{{string.Join(", ", SeedNodes.Select(Quote))}}]
                roles = [{{string.Join(", ", Roles.Select(Quote))}}]
                failure-detector {
                  heartbeat-interval = {{Millis(HeartbeatInterval)}}
                  acceptable-heartbeat-pause = {{Millis(AcceptableHeartbeatPause)}}
                }
                # Unreachability is noticed, and a downed member removed, within about 100 ms of the failure
                # detector's verdict and the split-brain resolver's decision: these are polling intervals, not safety
                # margins (each cost up to its own length of every failover at 250 ms).
                unreachable-nodes-reaper-interval = 100ms
                gossip-interval = 250ms
                leader-actions-interval = 100ms
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = {{strategy}}
                  stable-after = {{Millis(StableAfter)}}
                  keep-majority.role = {{role}}
                  keep-oldest.role = {{role}}
                }
                singleton-proxy.singleton-identification-interval = 250ms
                # A downed member stops itself (CoordinatedShutdown) and the process exits non-zero.
                run-coordinated-shutdown-when-down = on
                sharding {
                  role = {{role}}
                  # A region asks again this soon for a shard whose home died, and registers with a coordinator that
                  # moved (its member was the oldest) this soon: Akka's defaults (2 s, 5 s) would dominate failover.
                  # A polling interval: a request waits up to this long after the coordinator could place its shard.
                  retry-interval = 100ms
                  coordinator-failure-backoff = 500ms
                  # Owners close themselves after akkarpc.databases.idle-timeout; the entity is a few bytes.
                  passivate-idle-entity-after = off
                  # Entities are not remembered, so sharding's replicator keeps nothing on disk: with no durable keys
                  # it never loads the LMDB store its reference config names (a native akkarpc does not carry it).
                  distributed-data.durable.keys = []
                  # Never move a live database to balance members: a move ends its transactions and cursors. New
                  # databases go to the member with the fewest; a database moves only when its member leaves or dies.
                  least-shard-allocation-strategy {
                    rebalance-absolute-limit = 0
                    rebalance-threshold = 1000000000
                  }
                }
              }
              # The databases drain in cluster-exiting, after sharding handed their shards over; 30 s as a single node's.
              coordinated-shutdown.phases.cluster-exiting.timeout = 31s
            }
            """;
        return ConfigurationFactory.ParseString(hocon);
    }

    private static string Millis(TimeSpan value) => ((long)Math.Ceiling(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
