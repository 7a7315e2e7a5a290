using System.Net;

namespace AkkaRpc.Client.Tests;

/// <summary>
/// A node that stops answering for longer than the client's failure detector (10 s) and then carries on, as after a
/// SIGSTOP or a paused container: the request in flight ends as outcome unknown, and the client carries on by itself.
/// </summary>
public sealed class PausedNodeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AfterANodeResumesFromAPauseLongerThanTheFailureDetector_TheSameHandleCarriesOn_WithNothingAcknowledgedLost(bool privateConnection)
    {
        var port = Loopback.FreePort();

        // A stopped node's own failure detector does not run either: it still holds the client's old connection (and
        // its endpoint for the client) when the client comes back.
        await using var node = await TestNode.StartAsync(tcpPort: port, transport: t => t with { PublicHostname = "127.0.0.2", AcceptableHeartbeatPause = TimeSpan.FromMinutes(5) });
        using var proxy = FreezableProxy.Start(new IPEndPoint(IPAddress.Parse("127.0.0.2"), port), new IPEndPoint(IPAddress.Loopback, port));
        var options = node.ClientOptions(privateConnection);
        options.UnixSocket = "";
        options.TcpHost = "127.0.0.2";
        options.TcpPort = port;
        options.TcpPortCount = 1;
        options.RequestTimeout = TestTime.Seconds(30);
        await using var db = await AkkaRpcClient.ConnectAsync("paused", options);
        await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS items(seq INTEGER PRIMARY KEY)");
        await db.ExecuteAsync("INSERT INTO items VALUES (1)");

        // A handle that was idle through the pause keeps the owner it resolved before: it must carry on too.
        await using var idle = await AkkaRpcClient.ConnectAsync("idle", options);
        Assert.Equal(1L, (await idle.QueryAsync("SELECT 1")).Scalar());

        proxy.Freeze();
        var inFlight = await Record.ExceptionAsync(() => db.ExecuteAsync("INSERT INTO items VALUES (2)").WaitAsync(TestTime.Seconds(20)));
        proxy.Thaw();

        Assert.IsType<ConnectionLostException>(inFlight);
        // Well within the request timeout: a client stuck on the node's old endpoint would wait it out.
        await db.ExecuteAsync("INSERT INTO items VALUES (3)").WaitAsync(TestTime.Seconds(10));
        await db.ExecuteAsync("INSERT INTO items VALUES (4)").WaitAsync(TestTime.Seconds(10));
        Assert.Equal(3L, (await db.QueryAsync("SELECT count(*) FROM items WHERE seq IN (1, 3, 4)")).Scalar());

        // A private handle idle through the pause has its own connection, whose loss its runtime may notice only when
        // that handle's next call finds it closed: that call ends as outcome unknown, like any call on a dropped
        // connection, and the one after it carries on from a fresh actor system.
        var first = await Record.ExceptionAsync(() => idle.QueryAsync("SELECT 1").WaitAsync(TestTime.Seconds(10)));
        Assert.True(first is null || (privateConnection && first is ConnectionLostException), $"the idle handle's first call after the pause: {first}");
        Assert.Equal(1L, (await idle.QueryAsync("SELECT 1").WaitAsync(TestTime.Seconds(10))).Scalar());
    }
}
