using Akka.Actor;
using Akka.TestKit;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Actors;

/// <summary>The coordinator with workers played by test probes: registration, the split of clients, a worker that dies mid-run.</summary>
public sealed class BenchmarkCoordinatorTests() : AkkaRpcTestKit(BenchActorSystems.Defaults)
{
    private static readonly TimeSpan s_long = TimeSpan.FromMinutes(5);

    [Fact]
    public void Steps_RunInOrder_EachReportedAsItEnds_ThenThePlan()
    {
        var coordinator = Coordinator(expectedWorkers: 0, new FakeSystem(FakeSystem.Endpoint()));

        coordinator.Tell(new RunPlan([Step(1, clients: 1, requests: 10), Step(2, clients: 3, requests: 5)]));

        var first = ExpectMsg<StepOutcome>();
        var second = ExpectMsg<StepOutcome>();
        var completed = ExpectMsg<PlanCompleted>();
        Assert.Equal((1, 10L), (first.Step.Id, first.Metrics.Successes));
        Assert.Equal((2, 15L), (second.Step.Id, second.Metrics.Successes));
        Assert.Equal(3, second.Metrics.ClientRates.Count);
        Assert.Equal([1, 2], completed.Outcomes.Select(o => o.Step.Id));
        Assert.Empty(completed.LostWorkers);
    }

    [Fact]
    public void ASecondPlanWhileOneIsRunning_IsRefused_AndTheFirstGoesOn()
    {
        var coordinator = Coordinator(expectedWorkers: 1, new FakeSystem(FakeSystem.Endpoint()));
        var other = CreateTestProbe();
        coordinator.Tell(new RunPlan([Step(1, clients: 1, requests: 1)]));

        other.Send(coordinator, new RunPlan([Step(1, clients: 1, requests: 1)]));

        Assert.Equal("A plan is already running.", other.ExpectMsg<PlanFailed>().Reason);
        var worker = Register(coordinator, "w1");
        worker.ExpectMsg<RunShare>();
        worker.Reply(new ShareCompleted(1, Bench.Metrics.LoadMetrics.Empty, 0));
        ExpectMsg<StepOutcome>();
        ExpectMsg<PlanCompleted>();
    }

    [Fact]
    public void RegisteredWorkers_ShareEachStepsClientsEvenly_AndAreDismissedAtTheEnd()
    {
        var coordinator = Coordinator(expectedWorkers: 2, new FakeSystem(FakeSystem.Endpoint()));
        var w1 = Register(coordinator, "w1");
        var w2 = Register(coordinator, "w2");

        coordinator.Tell(new RunPlan([Step(1, clients: 5, requests: 10)]));

        var shares = new[] { w1.ExpectMsg<RunShare>(), w2.ExpectMsg<RunShare>() };
        Assert.Equal([(3, 0), (2, 3)], shares.Select(s => (s.Clients, s.FirstClient)));
        w1.Reply(new ShareCompleted(1, Figures(30), 0));
        w2.Reply(new ShareCompleted(1, Figures(20), 0));
        var outcome = ExpectMsg<StepOutcome>();
        Assert.Equal(50, outcome.Metrics.Successes);
        Assert.Equal(0, outcome.LostClients);
        ExpectMsg<PlanCompleted>();
        Assert.Equal("the run is complete", w1.ExpectMsg<WorkerDismissed>().Reason);
        Assert.Equal("the run is complete", w2.ExpectMsg<WorkerDismissed>().Reason);
    }

    [Fact]
    public void AWorkerThatDiesMidRun_IsWatched_ItsClientsCountAsLost_AndTheRunGoesOnWithTheOthers()
    {
        var coordinator = Coordinator(expectedWorkers: 2, new FakeSystem(FakeSystem.Endpoint()));
        var healthy = Register(coordinator, "healthy");
        var dying = Register(coordinator, "dying");
        coordinator.Tell(new RunPlan([Step(1, clients: 4, requests: 10), Step(2, clients: 2, requests: 10)]));
        healthy.ExpectMsg<RunShare>();
        dying.ExpectMsg<RunShare>();

        Watch(dying.Ref);
        Sys.Stop(dying.Ref);
        ExpectTerminated(dying.Ref);
        healthy.Reply(new ShareCompleted(1, Figures(20), 0));

        var first = ExpectMsg<StepOutcome>();
        Assert.Equal(2, first.LostClients);
        Assert.Equal(20, first.Metrics.Successes);
        Assert.Equal(["dying"], first.LostWorkers);
        var second = healthy.ExpectMsg<RunShare>(); // The next step runs on the healthy worker alone.
        Assert.Equal((2, 0), (second.Clients, second.FirstClient));
        healthy.Reply(new ShareCompleted(2, Figures(20), 0));
        Assert.Equal(0, ExpectMsg<StepOutcome>().LostClients);
        var completed = ExpectMsg<PlanCompleted>();
        Assert.Equal(["dying"], completed.LostWorkers);
    }

    [Fact]
    public void AStepWithEveryWorkerGone_EndsWithAllItsClientsLost()
    {
        var coordinator = Coordinator(expectedWorkers: 1, new FakeSystem(FakeSystem.Endpoint()));
        var only = Register(coordinator, "only");
        coordinator.Tell(new RunPlan([Step(1, clients: 3, requests: 10), Step(2, clients: 3, requests: 10)]));
        only.ExpectMsg<RunShare>();

        Sys.Stop(only.Ref);

        Assert.Equal(3, ExpectMsg<StepOutcome>().LostClients);
        Assert.Equal(3, ExpectMsg<StepOutcome>().LostClients);
        Assert.Equal(["only"], ExpectMsg<PlanCompleted>().LostWorkers);
    }

    [Fact]
    public void AStepOfASystemInTheLoadProcess_RunsHere_EvenWithWorkers()
    {
        var local = new FakeSystem(FakeSystem.Endpoint("sqlite_inprocess", SystemKind.InProcessSqlite));
        var coordinator = Coordinator(expectedWorkers: 1, local);
        var worker = Register(coordinator, "w1");

        coordinator.Tell(new RunPlan([new BenchStep(1, ScenarioKind.Latency, FakeSystem.Endpoint("sqlite_inprocess", SystemKind.InProcessSqlite), FakeSystem.Queries(7), 1)]));

        Assert.Equal(7, ExpectMsg<StepOutcome>().Metrics.Successes);
        ExpectMsg<PlanCompleted>();
        worker.ExpectMsg<WorkerDismissed>();
        Assert.Equal(1, local.Connects);
    }

    [Fact]
    public void ACoordinatorThatStops_DismissesItsWorkers()
    {
        var coordinator = Coordinator(expectedWorkers: 1, new FakeSystem(FakeSystem.Endpoint()));
        var worker = Register(coordinator, "w1");

        Sys.Stop(coordinator);

        Assert.Equal("the coordinator stopped", worker.ExpectMsg<WorkerDismissed>().Reason);
    }

    [Fact]
    public void RegisteringTwice_CountsTheWorkerOnce()
    {
        var coordinator = Coordinator(expectedWorkers: 2, new FakeSystem(FakeSystem.Endpoint()));
        var worker = Register(coordinator, "w1");

        worker.Send(coordinator, new RegisterWorker("w1"));

        Assert.Equal(1, worker.ExpectMsg<WorkerRegistered>().Workers);
    }

    internal static BenchStep Step(int id, int clients, int requests) =>
        new(id, clients > 1 ? ScenarioKind.Concurrency : ScenarioKind.Latency, FakeSystem.Endpoint(), FakeSystem.Queries(requests), clients);

    private static Bench.Metrics.LoadMetrics Figures(int successes)
    {
        var latency = new Bench.Metrics.LatencyDistribution();
        for (int i = 0; i < successes; i++)
        {
            latency.Record(1_000 + i);
        }

        return new Bench.Metrics.LoadMetrics(latency, successes, new Dictionary<string, long>(), 0, 0, 1_000_000, [successes]);
    }

    private IActorRef Coordinator(int expectedWorkers, FakeSystem system) =>
        Sys.ActorOf(BenchmarkCoordinator.Props(system, new CoordinatorOptions(expectedWorkers, s_long, s_long)));

    private TestProbe Register(IActorRef coordinator, string name)
    {
        var worker = CreateTestProbe();
        worker.Send(coordinator, new RegisterWorker(name));
        worker.ExpectMsg<WorkerRegistered>();
        return worker;
    }
}
