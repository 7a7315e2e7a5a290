
namespace AkkaRpc.Client.Tests;

public sealed class FailureTests
{
    private const string SlowQuery = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c";

    [Fact]
    public async Task WhenTheNodeGoesAway_AWriteInFlightIsOutcomeUnknown_AndTheNextCallReconnects()
    {
        var node = await TestNode.StartAsync();
        await using var db = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await db.ExecuteAsync("CREATE TABLE t(x)");

        var inFlight = db.QueryAsync(SlowQuery);
        await node.StopAsync();
        var error = await Assert.ThrowsAsync<ConnectionLostException>(() => inFlight);
        await using var restarted = await node.RestartAsync();
        await db.ExecuteAsync("INSERT INTO t VALUES (1)");

        Assert.True(error.OutcomeUnknown);
        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, (await db.QueryAsync("SELECT count(*) FROM t")).Scalar());
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
        var options = first.ClientOptions();
        options.TcpPort = second.TcpPort!.Value;
        options.TcpPortCount = 1;
        options.CookiePath = second.Cookie;
        File.Copy(second.Cookie, first.Cookie, overwrite: true); // the same user: one cookie
        await using var restartedFirst = await first.RestartAsync();
        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);
        Assert.Contains(restartedFirst.Socket, db.NodeAddress, StringComparison.Ordinal);

        var read = db.QueryAsync(SlowQuery, options: RequestOptions.IdempotentRead);
        await restartedFirst.StopAsync();

        Assert.Equal(3000000L, (await read).Scalar());
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
