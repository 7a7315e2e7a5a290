using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;

namespace AkkaRpc.Sqlite.Tests.Cluster;

/// <summary>
/// <c>/user/databases</c> of a real one-member cluster (Akka.Cluster over loopback, the databases' shard region): a
/// client's <see cref="Resolve"/> gets the member's relay, its <see cref="LocateOwner"/> the owner itself, and both reach
/// the same one owner.
/// </summary>
public sealed class ClusterMemberTests : AkkaRpcTestKit, IDisposable
{
    private static readonly Config ClusterConfig = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.cluster.sharding.passivate-idle-entity-after = off
        """);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "akkarpc-cluster-member-tests", Guid.NewGuid().ToString("N"));
    private readonly IActorRef _databases;

    public ClusterMemberTests()
        : base(ClusterConfig)
    {
        var options = new DatabasesOptions { Database = new DatabaseOptions { DataDirectory = _dataDirectory } };
        _databases = Sys.ActorOf(DatabasesSupervisor.ShardedProps(options, new ShardedDatabasesOptions()), DatabasesSupervisor.Name);
        var cluster = Akka.Cluster.Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
        AwaitCondition(() => cluster.SelfMember.Status == MemberStatus.Up, TimeSpan.FromSeconds(30));
        var sharding = ClusterSharding.Get(Sys);
        var settings = ClusterShardingSettings.Create(Sys);
        var region = sharding.Start(
            DatabaseShards.TypeName,
            name => DatabaseShards.EntityProps(name, _databases),
            settings,
            DatabaseShards.Extractor(),
            sharding.DefaultShardAllocationStrategy(settings),
            DatabaseShards.HandOffStopMessage);
        _databases.Tell(new DatabasesSupervisor.UseShardRegion(region));
    }

    [Fact]
    public void LocateOwner_IsAnsweredWithTheOwnerItself_AndResolveWithTheRelay_BothReachingTheSameOwner()
    {
        _databases.Tell(new LocateOwner("orders"), TestActor);
        var owner = ExpectMsg<Resolved>(TimeSpan.FromSeconds(30)).Owner;
        _databases.Tell(new Resolve("orders"), TestActor);
        var relay = ExpectMsg<Resolved>().Owner;

        // The owner is the supervisor's child named like the database; the relay is a child of its own.
        Assert.Equal(_databases.Path / "orders", owner.Path);
        Assert.StartsWith("client~", relay.Path.Name, StringComparison.Ordinal);

        relay.Tell(new Execute("CREATE TABLE t (v INTEGER)"), TestActor);
        ExpectMsg<ExecuteResult>();
        owner.Tell(new Execute("INSERT INTO t VALUES (1)"), TestActor);
        ExpectMsg<ExecuteResult>();
        relay.Tell(new Execute("INSERT INTO t VALUES (2)"), TestActor);
        ExpectMsg<ExecuteResult>();
        owner.Tell(new Query("SELECT count(*) FROM t"), TestActor);
        Assert.Equal(2, ExpectMsg<QueryResult>().Rows[0][0].AsInteger());

        // Asked again, the relay (which knows the owner now) answers at once, with the same owner.
        _databases.Tell(new LocateOwner("orders"), TestActor);
        Assert.Equal(owner, ExpectMsg<Resolved>().Owner);
    }

    [Fact]
    public void LocateOwner_WithAnInvalidName_IsRefused_AndTheMemberKeepsServing()
    {
        _databases.Tell(new LocateOwner("../etc/passwd"), TestActor);
        ExpectMsg<InvalidDatabaseName>(TimeSpan.FromSeconds(30));

        _databases.Tell(new LocateOwner("orders"), TestActor);
        var owner = ExpectMsg<Resolved>(TimeSpan.FromSeconds(30)).Owner;
        owner.Tell(new Ping(), TestActor);
        ExpectMsg<Pong>();
    }

    void IDisposable.Dispose()
    {
        Shutdown();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
