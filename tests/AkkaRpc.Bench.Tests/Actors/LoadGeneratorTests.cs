using Akka.Actor;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Tests.Fakes;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Actors;

public sealed class LoadGeneratorTests() : AkkaRpcTestKit(BenchActorSystems.Defaults)
{
    [Fact]
    public void AGenerator_RunsItsWorkloadOnItsOwnConnection_ReportsItsFigures_AndStops()
    {
        var system = new FakeSystem(FakeSystem.Endpoint());
        var generator = Sys.ActorOf(LoadGenerator.Props(system, FakeSystem.Queries(25, warmup: 5), client: 3, TestActor));
        Watch(generator);

        var completed = ExpectMsg<LoadCompleted>();

        Assert.Equal(3, completed.Client);
        Assert.Equal(25, completed.Metrics.Successes);
        Assert.Equal(25, completed.Metrics.Latency.Count); // The warm-up requests are not timed...
        Assert.Equal(30, system.Requests); // ...but were made.
        Assert.Equal((25 * 8L, 25 * 24L), (completed.Metrics.BytesSent, completed.Metrics.BytesReceived));
        Assert.Single(completed.Metrics.ClientRates);
        Assert.Equal(1, system.Connects);
        ExpectTerminated(generator);
    }

    [Fact]
    public async Task StoppingAGeneratorMidRequest_CancelsTheRequestInFlight()
    {
        var system = new FakeSystem(FakeSystem.Endpoint(), gated: true);
        var generator = Sys.ActorOf(LoadGenerator.Props(system, FakeSystem.Queries(10), client: 0, TestActor));
        Watch(generator);
        await system.Connected.Task.WaitAsync(TestTime.Seconds(10));

        Sys.Stop(generator);

        ExpectTerminated(generator);
        await system.Cancelled.Task.WaitAsync(TestTime.Seconds(10));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // No LoadCompleted from a stopped generator.
    }
}
