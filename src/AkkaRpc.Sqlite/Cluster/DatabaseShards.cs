using Akka.Cluster.Sharding;

namespace AkkaRpc.Sqlite;

/// <summary>
/// How database owners are placed in a cluster: one sharded entity per database, keyed by its name. Only
/// <see cref="Resolve"/> travels through the shard region (the entity answers with its owner's reference, and requests
/// then go straight to that owner), so the region stays off the hot path.
/// </summary>
public static class DatabaseShards
{
    /// <summary>The shard region's type name; every member must use the same.</summary>
    public const string TypeName = "akkarpc-database";

    /// <summary>The default number of shards: about ten per member of the largest cluster expected, as Akka's docs advise.</summary>
    public const int DefaultShardCount = 100;

    /// <summary>The message extractor for <paramref name="shardCount"/> shards: the entity id is the database name of a <see cref="Resolve"/>.</summary>
    public static IMessageExtractor Extractor(int shardCount = DefaultShardCount) => new ResolveExtractor(shardCount);

    /// <summary>The message the shard sends an entity when it hands its shard over to another member.</summary>
    public static object HandOffStopMessage => DatabaseEntity.HandOff.Instance;

    /// <summary>Props for the entity of database <paramref name="name"/>, whose owner <paramref name="supervisor"/> (this member's <c>/user/databases</c>) hosts.</summary>
    public static Akka.Actor.Props EntityProps(string name, Akka.Actor.IActorRef supervisor) => DatabaseEntity.Props(name, supervisor);

    private sealed class ResolveExtractor(int shardCount) : HashCodeMessageExtractor(shardCount)
    {
        // HashCodeMessageExtractor hashes the name with MurmurHash, the same on every member (string.GetHashCode is not).
        // Akka's base class already unwraps ShardingEnvelope and StartEntity.
        public override string? EntityId(object message) => message is Resolve r ? r.Name : null;
    }
}
