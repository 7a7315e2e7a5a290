using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;

namespace AkkaRpc.Sqlite.Tests.Cluster;

/// <summary>
/// <c>/user/databases</c> of a real one-member cluster (Akka.Cluster over loopback, the databases' shard region): with
/// the owner on this member, a client's <see cref="Resolve"/> and <see cref="LocateOwner"/> both get its relay, which
/// lets the client's requests through to the owner as the client's own.
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
    public void LocateOwner_OfAnOwnerOnThisMember_IsAnsweredWithTheRelayAsItsGate_WhichLetsTheClientsRequestsThrough()
    {
        _databases.Tell(new LocateOwner("orders"), TestActor);
        var gate = ExpectMsg<Resolved>(TimeSpan.FromSeconds(30)).Owner;
        _databases.Tell(new Resolve("orders"), TestActor);
        var relay = ExpectMsg<Resolved>().Owner;

        // The owner runs here: both questions get this client's relay, never the owner itself, so that every request
        // passes the member's check that it may serve.
        Assert.Equal(relay, gate);
        Assert.StartsWith("client~", relay.Path.Name, StringComparison.Ordinal);

        relay.Tell(new Execute("CREATE TABLE t (v INTEGER)"), TestActor);
        ExpectMsg<ExecuteResult>();
        relay.Tell(new Execute("INSERT INTO t VALUES (1)"), TestActor);
        ExpectMsg<ExecuteResult>();

        // Forwarded as the client's own: the owner answers the client, from the owner's path.
        relay.Tell(new Query("SELECT count(*) FROM t"), TestActor);
        Assert.Equal(1, ExpectMsg<QueryResult>().Rows[0][0].AsInteger());
        Assert.Equal(_databases.Path / "orders", LastSender.Path);

        // A transaction through the gate holds the owner for this client until it commits.
        relay.Tell(new Begin(TimeSpan.FromMinutes(1), TestActor), TestActor);
        var started = ExpectMsg<TransactionStarted>();
        relay.Tell(new Transactional(started.TransactionId, new Execute("INSERT INTO t VALUES (2)")), TestActor);
        ExpectMsg<ExecuteResult>();
        relay.Tell(new Commit(started.TransactionId), TestActor);
        ExpectMsg<TransactionEnded>();
        relay.Tell(new Query("SELECT count(*) FROM t"), TestActor);
        Assert.Equal(2, ExpectMsg<QueryResult>().Rows[0][0].AsInteger());
    }

    [Fact]
    public void LocateOwner_WithAnInvalidName_IsRefused_AndTheMemberKeepsServing()
    {
        _databases.Tell(new LocateOwner("../etc/passwd"), TestActor);
        ExpectMsg<InvalidDatabaseName>(TimeSpan.FromSeconds(30));

        _databases.Tell(new LocateOwner("orders"), TestActor);
        var gate = ExpectMsg<Resolved>(TimeSpan.FromSeconds(30)).Owner;
        gate.Tell(new Ping(), TestActor);
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
