using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Protocol;

namespace AkkaRpc.Bench.Tests.Engine;

public sealed class CollectorTests : AkkaRpc.TestKit.TestKit
{
    [Fact]
    public void Collector_MergesEveryClientsFigures_IntoOneShareCompleted()
    {
        var system = new FakeSystem(FakeSystem.Endpoint());
        var share = new RunShare(7, FakeSystem.Endpoint(), FakeSystem.Queries(25), Clients: 4, FirstClient: 0);

        Sys.ActorOf(MetricsCollector.Props(share, system, TestActor));

        var completed = ExpectMsg<ShareCompleted>(Dilated(TimeSpan.FromSeconds(10)));
        Assert.Equal(7, completed.StepId);
        Assert.Equal(100, completed.Metrics.Successes);
        Assert.Equal(100, completed.Metrics.Latency.Count);
        Assert.Equal(100 * 8, completed.Metrics.BytesSent);
        Assert.Equal(100 * 24, completed.Metrics.BytesReceived);
        Assert.Equal(4, completed.Metrics.ClientRates.Count);
        Assert.Equal(0, completed.LostClients);
    }

    [Fact]
    public void Coordinator_RunsStepsInOrder_AndReportsEach()
    {
        var system = new FakeSystem(FakeSystem.Endpoint());
        var coordinator = Sys.ActorOf(BenchmarkCoordinator.Props(system, new CoordinatorOptions(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))));
        var steps = new[]
        {
            new Scenarios.BenchStep(1, Scenarios.ScenarioKind.Latency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 1),
            new Scenarios.BenchStep(2, Scenarios.ScenarioKind.Concurrency, FakeSystem.Endpoint(), FakeSystem.Queries(5), 3),
        };

        coordinator.Tell(new RunPlan(steps), TestActor);

        var completed = ExpectMsg<PlanCompleted>(Dilated(TimeSpan.FromSeconds(10)));
        Assert.Equal([1, 2], completed.Outcomes.Select(o => o.Step.Id));
        Assert.Equal(10, completed.Outcomes[0].Metrics.Successes);
        Assert.Equal(15, completed.Outcomes[1].Metrics.Successes);
        Assert.Empty(completed.LostWorkers);
    }
}
