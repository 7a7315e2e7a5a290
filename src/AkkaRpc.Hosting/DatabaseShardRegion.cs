namespace AkkaRpc.Hosting;

/// <summary>
/// The key under which a cluster member registers its databases' shard region (or, on a member without the database
/// role, its proxy) in Akka.Hosting's <c>ActorRegistry</c>: <c>IRequiredActor&lt;DatabaseShardRegion&gt;</c>.
/// </summary>
public sealed class DatabaseShardRegion
{
    private DatabaseShardRegion()
    {
    }
}
