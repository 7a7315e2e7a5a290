
namespace AkkaRpc.Client.Tests;

public sealed class FailureTests
{
    private const string SlowQuery = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c";

    private const string SlowInsert = "INSERT INTO t SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT x FROM c)";

    [Fact]
    public async Task WhenTheConnectionDrops_AWriteInFlightIsOutcomeUnknown_AtOnce_AndTheNextCallReconnects()
    {
        await using var node = await TestNode.StartAsync();
        await using var db = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await db.ExecuteAsync("CREATE TABLE t(x)");

        // The statement runs on; to the client its node vanished mid-request (no goodbye, no reply), as if killed.
        var inFlight = db.ExecuteAsync(SlowInsert);
        var behind = db.PingAsync();
        await node.WaitUntilBusyAsync("orders");
        node.CutConnections();
        var error = await Assert.ThrowsAsync<ConnectionLostException>(() => inFlight).WaitAsync(TestNode.Ceiling);
        await db.ExecuteAsync("INSERT INTO t VALUES (1)");

        Assert.True(error.OutcomeUnknown);
        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        await behind.WaitAsync(TestNode.Ceiling); // a ping is an idempotent read: it was simply sent once more
        Assert.Equal(2L, (await db.QueryAsync("SELECT count(*) FROM t")).Scalar()); // it did run, this time
    }

    [Fact]
    public async Task AfterARestartWithNothingInFlight_TheNextCallFindsTheNewOwner_WithoutAnError()
    {
        var node = await TestNode.StartAsync();
        await using var db = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await db.ExecuteAsync("CREATE TABLE t(x)");

        await using var restarted = await node.RestartAsync();

        await db.ExecuteAsync("INSERT INTO t VALUES (1)");
        Assert.Equal(1L, (await db.QueryAsync("SELECT count(*) FROM t")).Scalar());
    }

    [Fact]
    public async Task AnIdempotentRead_InFlightWhenItsNodeGoesAway_IsSentOnceMore_ToTheNextNodeFound()
    {
        var first = await TestNode.StartAsync();
        await using var second = await TestNode.StartAsync(tcpPort: Loopback.FreePort());
        File.Copy(second.Cookie, first.Cookie, overwrite: true); // the same user: one cookie
        await using var restartedFirst = await first.RestartAsync();
        var options = first.ClientOptions();
        options.TcpPort = second.TcpPort!.Value;
        options.TcpPortCount = 1;
        options.CookiePath = second.Cookie;
        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);
        Assert.Equal(Transport.UnixSocketAddress.ToAddress(restartedFirst.Socket, "AkkaRpc").ToString(), db.NodeAddress);

        // The first node vanishes for the client (connections cut, socket file gone) while the read runs there.
        var read = db.QueryAsync(SlowQuery, options: RequestOptions.IdempotentRead);
        _ = db.PingAsync();
        await restartedFirst.WaitUntilBusyAsync("orders");
        File.Delete(restartedFirst.Socket);
        restartedFirst.CutConnections();

        Assert.Equal(3000000L, (await read.WaitAsync(TestNode.Ceiling)).Scalar());
        Assert.Contains($":{second.TcpPort}", db.NodeAddress, StringComparison.Ordinal);
    }


    [Fact]
    public async Task WithTheNodeGoneForGood_AndAutoSpawnOff_CallsFailClearly_AndNothingHangs()
    {
        var node = await TestNode.StartAsync();
        await using var db = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await node.DisposeAsync();

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => db.ExecuteAsync("CREATE TABLE t(x)"));

        Assert.Contains("auto-spawn is off", error.Message, StringComparison.Ordinal);
        Assert.False(error.OutcomeUnknown);
    }
}
