namespace AkkaRpc.Client.Tests;

/// <summary>
/// Messages bigger than a frame: Akka.Remote (requests) and our transport (replies) drop them with only a log line, so
/// unless the client or the node turns that into an error, the caller waits out its whole request timeout.
/// </summary>
public sealed class MessageSizeTests
{
    // Above the 16 MiB frame of both sides (the transport's default and the node's akkarpc.remote.max-frame-size).
    private const int OverAFrame = 17_000_000;

    [Fact]
    public async Task ARequestBiggerThanAFrame_FailsAtOnce_AsNeverSent_NotAfterItsTimeout()
    {
        await using var node = await TestNode.StartAsync();
        var options = node.ClientOptions();
        options.RequestTimeout = TimeSpan.FromMinutes(2);
        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);
        await db.ExecuteAsync("CREATE TABLE t(b BLOB)");

        var error = await Record.ExceptionAsync(() => db.ExecuteAsync("INSERT INTO t VALUES ($b)", new { b = new byte[OverAFrame] }).WaitAsync(TestNode.Ceiling));

        Assert.NotNull(error);
        Assert.IsNotType<TimeoutException>(error);
        Assert.False(error is AkkaRpcException { OutcomeUnknown: true }, "it was never sent: " + error);
        Assert.Equal(0L, (await db.QueryAsync("SELECT count(*) FROM t")).Scalar());
    }

    [Fact]
    public async Task AReplyBiggerThanAFrame_FailsAtOnce_NamingTheLimit_NotAfterTheTimeout()
    {
        await using var node = await TestNode.StartAsync();
        var options = node.ClientOptions();
        options.RequestTimeout = TimeSpan.FromMinutes(2);
        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);

        // One row bigger than the frame: the node cannot split it into pages.
        var error = await Record.ExceptionAsync(() => db.QueryAsync($"SELECT zeroblob({OverAFrame})").WaitAsync(TestNode.Ceiling));

        Assert.NotNull(error);
        Assert.IsNotType<TimeoutException>(error);
        Assert.IsAssignableFrom<AkkaRpcException>(error);
        Assert.Equal(1L, (await db.QueryAsync("SELECT 1")).Scalar());
    }
}
