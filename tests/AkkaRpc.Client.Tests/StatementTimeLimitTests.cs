using AkkaRpc.Testing;

namespace AkkaRpc.Client.Tests;

/// <summary>The client's request timeout is also the statement's time limit on the node: a statement the caller gave up on does not run on.</summary>
public sealed class StatementTimeLimitTests
{
    private const string Runaway = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s) SELECT count(*) FROM s";

    [Fact]
    public async Task ARunawayStatement_IsStoppedByTheNodeAtTheRequestTimeout_WithItsOwnError_AndTheDatabaseServesOn()
    {
        await using var node = await TestNode.StartAsync();
        await using var db = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await db.ExecuteAsync("CREATE TABLE t(v INTEGER)");
        var limit = TestTime.Seconds(1);

        var error = await Assert.ThrowsAsync<StatementRefusedException>(
            () => db.QueryAsync(Runaway, options: new RequestOptions(Timeout: limit)).WaitAsync(TestNode.Ceiling));
        Assert.Contains("ran longer than its time limit", error.Message, StringComparison.Ordinal);
        Assert.Contains("was stopped, with no effect", error.Message, StringComparison.Ordinal);

        // The reply came from the owner once SQLite had stopped the statement, so the database is free for the next one.
        await db.ExecuteAsync("INSERT INTO t VALUES (1)").WaitAsync(TestNode.Ceiling);
        Assert.Equal(1L, (await db.QueryAsync("SELECT count(*) FROM t")).Scalar());
    }

    [Fact]
    public async Task ARunawayWrite_IsStoppedWithNoEffect()
    {
        await using var node = await TestNode.StartAsync();
        await using var db = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await db.ExecuteAsync("CREATE TABLE t(v INTEGER)");

        await Assert.ThrowsAsync<StatementRefusedException>(() => db.ExecuteAsync(
            "INSERT INTO t WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s) SELECT i FROM s",
            options: new RequestOptions(Timeout: TestTime.Seconds(1))).WaitAsync(TestNode.Ceiling));

        Assert.Equal(0L, (await db.QueryAsync("SELECT count(*) FROM t")).Scalar());
    }
}
