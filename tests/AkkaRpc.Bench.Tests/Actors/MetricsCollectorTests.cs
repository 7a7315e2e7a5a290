using Akka.Actor;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Tests.Fakes;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Actors;

public sealed class MetricsCollectorTests() : AkkaRpcTestKit(BenchActorSystems.Defaults)
{
    [Fact]
    public void ACollector_MergesEveryClientsFigures_IntoOneShareCompleted_AndStops()
    {
        var system = new FakeSystem(FakeSystem.Endpoint());
        var share = new RunShare(7, FakeSystem.Endpoint(), FakeSystem.Queries(25), Clients: 4, FirstClient: 10);
        var collector = Sys.ActorOf(MetricsCollector.Props(share, system, TestActor));
        Watch(collector);

        var completed = ExpectMsg<ShareCompleted>();

        Assert.Equal(7, completed.StepId);
        Assert.Equal(100, completed.Metrics.Successes);
        Assert.Equal(100, completed.Metrics.Latency.Count);
        Assert.Equal((100 * 8L, 100 * 24L), (completed.Metrics.BytesSent, completed.Metrics.BytesReceived));
        Assert.Equal(4, completed.Metrics.ClientRates.Count);
        Assert.Equal(0, completed.LostClients);
        Assert.Equal(4, system.Connects);
        ExpectTerminated(collector);
    }

    [Fact]
    public async Task AClientThatStopsWithoutReporting_CountsAsLost_AndTheShareStillCompletes()
    {
        var system = new FakeSystem(FakeSystem.Endpoint(), gated: true);
        var share = new RunShare(2, FakeSystem.Endpoint(), FakeSystem.Queries(5), Clients: 2, FirstClient: 0);
        var collector = Sys.ActorOf(MetricsCollector.Props(share, system, TestActor), "collector");
        AwaitCondition(() => system.Connects == 2);

        foreach (string client in new[] { "client-0", "client-1" })
        {
            var generator = await Sys.ActorSelection($"/user/collector/{client}").ResolveOne(TestTime.Seconds(10));
            Sys.Stop(generator);
        }

        var completed = ExpectMsg<ShareCompleted>();
        Assert.Equal(2, completed.LostClients);
        Assert.Equal(0, completed.Metrics.Successes);
        Watch(collector);
        ExpectTerminated(collector);
    }

    [Fact]
    public void AShareOfNoClients_CompletesAtOnce()
    {
        var share = new RunShare(1, FakeSystem.Endpoint(), FakeSystem.Queries(5), Clients: 0, FirstClient: 0);

        Sys.ActorOf(MetricsCollector.Props(share, new FakeSystem(FakeSystem.Endpoint()), TestActor));

        Assert.Equal(0, ExpectMsg<ShareCompleted>().Metrics.Successes);
    }
}
