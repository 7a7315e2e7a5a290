using Akka.Actor;
using AkkaRpc.Client;
using AkkaRpc.Sqlite;
using static AkkaRpc.Hosting.Tests.Cluster.TestCluster;

namespace AkkaRpc.Hosting.Tests.Cluster;

/// <summary>
/// Three members in one process over AkkaRpc's transport: owners placed by Cluster.Sharding, one per database, found
/// through any member and then reached on their own member, moved to a survivor when their member is downed;
/// transactions and cursors on a moved owner fail with their own errors.
/// </summary>
public sealed class ClusterSpec
{
    [Fact]
    public async Task AnyMember_ServesTheDatabase_ThroughItsOneOwner()
    {
        await using var cluster = await StartAsync(3);
        foreach (var member in cluster.Members)
        {
            await using var db = await AkkaRpcClient.ConnectAsync("orders", cluster.ClientOf(member), TestContext.Current.CancellationToken);
            await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS items(via TEXT)", cancellationToken: TestContext.Current.CancellationToken);
            await db.ExecuteAsync("INSERT INTO items VALUES ($via)", new { via = db.NodeAddress }, cancellationToken: TestContext.Current.CancellationToken);
        }

        await using var reader = await AkkaRpcClient.ConnectAsync("orders", cluster.ClientOf(cluster.Members[2]), TestContext.Current.CancellationToken);
        var rows = await reader.QueryAsync("SELECT via FROM items ORDER BY rowid", cancellationToken: TestContext.Current.CancellationToken);

        // Whichever member a client entered at, its requests went straight to the owner's member.
        var owner = Assert.Single(await cluster.OwnersOfAsync("orders"));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(Akka.Cluster.Cluster.Get(owner).SelfAddress.ToString(), r.Get<string>(0)));
    }

    [Fact]
    public async Task Databases_SpreadOverTheMembers_EachWithOneOwner()
    {
        await using var cluster = await StartAsync(3);
        await using var client = await AkkaRpcClient.ConnectAsync("db0", cluster.ClientOf(cluster.Members[0]), TestContext.Current.CancellationToken);
        for (var i = 0; i < 12; i++)
        {
            await using var db = await AkkaRpcClient.ConnectAsync($"db{i}", cluster.ClientOf(cluster.Members[i % 3]), TestContext.Current.CancellationToken);
            await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS t(x)", cancellationToken: TestContext.Current.CancellationToken);
        }

        var hosting = new HashSet<ActorSystem>();
        for (var i = 0; i < 12; i++)
        {
            hosting.Add(Assert.Single(await cluster.OwnersOfAsync($"db{i}")));
        }

        // New databases go to the member with the fewest shards: all three get some.
        Assert.Equal(3, hosting.Count);
    }

    [Fact]
    public async Task DownedOwnerMember_ShutsItselfDown_AndItsDatabaseMovesToASurvivor()
    {
        await using var cluster = await StartAsync(3);
        var (db, owner, _) = await ConnectAwayFromOwnerAsync(cluster, "moving");
        await using var _db = db;
        await db.ExecuteAsync("INSERT INTO t VALUES (1)", cancellationToken: TestContext.Current.CancellationToken);

        var ownerAddress = Akka.Cluster.Cluster.Get(owner).SelfAddress;
        Akka.Cluster.Cluster.Get(cluster.Members.First(m => m != owner)).Down(ownerAddress);

        // The downed member runs its coordinated shutdown (serve exits with 1 on this reason) and never serves again.
        await owner.WhenTerminated.WaitAsync(Ceiling, TestContext.Current.CancellationToken);
        Assert.IsType<CoordinatedShutdown.ClusterDowningReason>(CoordinatedShutdown.Get(owner).ShutdownReason);

        await db.ExecuteAsync("INSERT INTO t VALUES (2)", cancellationToken: TestContext.Current.CancellationToken);
        var rows = await db.QueryAsync("SELECT x FROM t ORDER BY x", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([1L, 2L], rows.Select(r => r.Get<long>(0)));
        var survivor = Assert.Single(await cluster.OwnersOfAsync("moving"));
        Assert.NotEqual(owner, survivor);
    }

    [Fact]
    public async Task Transaction_OnAMovedOwner_FailsWithTransactionException_AndLeavesNothingHalfDone()
    {
        await using var cluster = await StartAsync(3);
        var (db, owner, _) = await ConnectAwayFromOwnerAsync(cluster, "txmove");
        await using var _db = db;
        await db.ExecuteAsync("INSERT INTO t VALUES (1)", cancellationToken: TestContext.Current.CancellationToken);
        await using var tx = await db.BeginTransactionAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        await tx.ExecuteAsync("INSERT INTO t VALUES (2)", cancellationToken: TestContext.Current.CancellationToken);

        Akka.Cluster.Cluster.Get(cluster.Members.First(m => m != owner)).Down(Akka.Cluster.Cluster.Get(owner).SelfAddress);
        await owner.WhenTerminated.WaitAsync(Ceiling, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<AkkaRpcException>(() => tx.CommitAsync(TestContext.Current.CancellationToken));
        Assert.True(error is TransactionException or ConnectionLostException, error.ToString());
        var rows = await db.QueryAsync("SELECT x FROM t ORDER BY x", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([1L], rows.Select(r => r.Get<long>(0)));

        // The database serves on: a new transaction on the new owner commits.
        await using var again = await db.BeginTransactionAsync(cancellationToken: TestContext.Current.CancellationToken);
        await again.ExecuteAsync("INSERT INTO t VALUES (3)", cancellationToken: TestContext.Current.CancellationToken);
        await again.CommitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2L, (await db.QueryAsync("SELECT count(*) FROM t", cancellationToken: TestContext.Current.CancellationToken))[0].Get<long>(0));
    }

    [Fact]
    public async Task Cursor_OnAMovedOwner_IsAnsweredCursorNotFound_NotRunElsewhere()
    {
        await using var cluster = await StartAsync(3, "--databases:max-rows-per-chunk=2");
        var (db, owner, front) = await ConnectAwayFromOwnerAsync(cluster, "cursors");
        await using var _db = db;
        await db.BatchAsync([.. Enumerable.Range(0, 10).Select(i => ("INSERT INTO t VALUES ($x)", (object?)new { x = i }))], cancellationToken: TestContext.Current.CancellationToken);

        // The member's own /user/databases, asked as a client would: its relay for this caller.
        var relay = (await front.ActorSelection("/user/databases").Ask<Resolved>(new Resolve("cursors"), Ceiling, TestContext.Current.CancellationToken)).Owner;
        var first = await relay.Ask<QueryResult>(new Query("SELECT x FROM t ORDER BY x"), Ceiling, TestContext.Current.CancellationToken);
        Assert.NotNull(first.CursorId);

        Akka.Cluster.Cluster.Get(front).Down(Akka.Cluster.Cluster.Get(owner).SelfAddress);
        await owner.WhenTerminated.WaitAsync(Ceiling, TestContext.Current.CancellationToken);

        var reply = await relay.Ask<DatabaseReply>(new Fetch(first.CursorId!.Value), Ceiling, TestContext.Current.CancellationToken);
        var gone = Assert.IsType<CursorNotFound>(reply);
        Assert.Contains("moved to another cluster member", gone.Message, StringComparison.Ordinal);

        // The same relay reaches the new owner for a fresh query.
        var again = await relay.Ask<QueryResult>(new Query("SELECT count(*) FROM t"), Ceiling, TestContext.Current.CancellationToken);
        Assert.Equal(SqlValue.FromInteger(10), again.Rows[0][0]);
    }

    [Fact]
    public async Task NodeStatus_ListsEveryMember_WithItsDatabases()
    {
        await using var cluster = await StartAsync(3);
        await using var db = await AkkaRpcClient.ConnectAsync("listed", cluster.ClientOf(cluster.Members[0]), TestContext.Current.CancellationToken);
        await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS t(x)", cancellationToken: TestContext.Current.CancellationToken);
        var owner = Assert.Single(await cluster.OwnersOfAsync("listed"));

        var status = await cluster.Members[0].ActorSelection(NodePaths.Admin).Ask<NodeStatus>(GetNodeStatus.Instance, Ceiling, TestContext.Current.CancellationToken);

        Assert.Equal(3, status.Members.Count);
        Assert.All(status.Members, m => Assert.Equal("Up", m.Status));
        Assert.All(status.Members, m => Assert.Equal(Environment.ProcessId, m.ProcessId));
        var hosting = Assert.Single(status.Members, m => m.Databases.Any(d => d.Name == "listed"));
        Assert.Equal(Akka.Cluster.Cluster.Get(owner).SelfAddress.ToString(), hosting.Address);
    }

    /// <summary>Creates <paramref name="database"/> with table t(x) and connects to it through a member that does not own it.</summary>
    private static async Task<(AkkaRpcDatabase Db, ActorSystem Owner, ActorSystem Front)> ConnectAwayFromOwnerAsync(TestCluster cluster, string database)
    {
        await using (var setup = await AkkaRpcClient.ConnectAsync(database, cluster.ClientOf(cluster.Members[0]), TestContext.Current.CancellationToken))
        {
            await setup.ExecuteAsync("CREATE TABLE IF NOT EXISTS t(x INTEGER)", cancellationToken: TestContext.Current.CancellationToken);
        }

        var owner = Assert.Single(await cluster.OwnersOfAsync(database));
        var front = cluster.Members.First(m => m != owner);
        return (await AkkaRpcClient.ConnectAsync(database, cluster.ClientOf(front), TestContext.Current.CancellationToken), owner, front);
    }
}
