using Akka.Actor;
using Akka.Hosting;
using Akka.TestKit;
using AkkaRpc.Client;

namespace AkkaRpc.Hosting.Tests;

/// <summary>
/// <c>node.idle-shutdown</c> on virtual time: "stop cleanly after this long with no inbound connections (the clock
/// restarts when the last one closes)". A client that comes and goes between two of the admin's idle checks (a
/// short <c>akkarpc query</c>, say) must restart the clock too.
/// </summary>
public sealed class IdleClockSpec : Akka.Hosting.TestKit.TestKit
{
    private readonly string _dir = Directory.CreateTempSubdirectory("akkarpc-idle-clock-").FullName;

    private string Socket => Path.Combine(_dir, "node.sock");

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) => builder
        .AddHocon("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"", HoconAddMode.Prepend)
        .WithAkkaRpcNode(AkkaRpcConfiguration.Load(null,
        [
            "--remote:tcp:enabled=false",
            $"--remote:unix:socket={Socket}",
            $"--remote:cookie-path={Path.Combine(_dir, "cookie")}",
            $"--databases:data-dir={Path.Combine(_dir, "data")}",
            "--node:idle-shutdown=10s",
        ]));

    [Fact]
    public async Task AClientThatCameAndWentBetweenTwoChecks_RestartsTheIdleClock()
    {
        var admin = await Sys.ActorSelection("/user/" + NodePaths.AdminName).ResolveOne(TestTime.Seconds(10), TestContext.Current.CancellationToken);
        Scheduler.Advance(TimeSpan.FromSeconds(9));

        // A short-lived client: connects, queries, goes away, all between two idle checks.
        await AkkaRpcNodes.StatusAsync(new AkkaRpcClientOptions
        {
            UnixSocket = Socket,
            CookiePath = Path.Combine(_dir, "cookie"),
            SystemName = Sys.Name,
            RequestTimeout = TestTime.Seconds(10),
        }, TestContext.Current.CancellationToken);
        await AwaitAssertAsync(() => Assert.Equal(0, Transport.AkkaRpcTransportExtension.Get(Sys).InboundConnectionCount), TestTime.Seconds(10), cancellationToken: TestContext.Current.CancellationToken);

        // Two seconds after the last connection closed: far from idle for ten.
        Scheduler.Advance(TimeSpan.FromSeconds(2));
        await admin.Ask<NodeStatus>(GetNodeStatus.Instance, TestTime.Seconds(10), TestContext.Current.CancellationToken); // after the checks

        Assert.Null(CoordinatedShutdown.Get(Sys).ShutdownReason);
    }

    protected override async Task AfterAllAsync()
    {
        await base.AfterAllAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
