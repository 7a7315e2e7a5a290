namespace AkkaRpc.Client.Tests;

/// <summary>
/// "Transactions are held by the client runtime's session actor: a node rolls back as soon as the client's process or
/// runtime is gone", and akkarpc.conf: "a closed connection is noticed at once, without waiting for these [heartbeats]".
/// </summary>
public sealed class HolderGoneTests
{
    [Fact]
    public async Task WhenTheHoldersConnectionDropsWithoutAGoodbye_AsAKilledProcessDoes_TheTransactionRollsBackAtOnce()
    {
        await using var node = await TestNode.StartAsync();
        await using var holder = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await holder.ExecuteAsync("CREATE TABLE t(x)");
        var tx = await holder.BeginTransactionAsync(TimeSpan.FromMinutes(5));
        await tx.ExecuteAsync("INSERT INTO t VALUES (1)");

        // The holder's process is killed: its connection closes with no goodbye and nothing of it answers again.
        node.CutConnections();
        await using var other = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());

        // Well within the node's watch failure detector (1 s heartbeats, 10 s pause): the connection closed.
        var count = await other.QueryAsync("SELECT count(*) FROM t").WaitAsync(TestTime.Seconds(5));
        Assert.Equal(0L, count.Scalar());
    }
}
