using System.Net;

namespace AkkaRpc.Client.Tests;

/// <summary>
/// A node whose process stops answering without closing its sockets (SIGSTOP, a paused container, a partition): the
/// issue asks for death watch "with a failure detector tuned for loopback", so requests do not wait out their timeout.
/// </summary>
public sealed class FrozenNodeTests
{
    [Fact]
    public async Task ARequestToANodeThatFroze_FailsAsConnectionLost_WellBeforeItsTimeout()
    {
        var port = Loopback.FreePort();
        await using var node = await TestNode.StartAsync(tcpPort: port, transport: t => t with { PublicHostname = "127.0.0.2" });
        using var proxy = FreezableProxy.Start(new IPEndPoint(IPAddress.Parse("127.0.0.2"), port), new IPEndPoint(IPAddress.Loopback, port));
        var options = node.ClientOptions();
        options.UnixSocket = "";
        options.TcpHost = "127.0.0.2";
        options.TcpPort = port;
        options.TcpPortCount = 1;
        options.RequestTimeout = TimeSpan.FromMinutes(5);
        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);
        Assert.Equal(1L, (await db.QueryAsync("SELECT 1")).Scalar());

        proxy.Freeze();
        var error = await Record.ExceptionAsync(() => db.QueryAsync("SELECT 1").WaitAsync(TestTime.Seconds(20)));

        Assert.IsType<ConnectionLostException>(error);
    }
}
