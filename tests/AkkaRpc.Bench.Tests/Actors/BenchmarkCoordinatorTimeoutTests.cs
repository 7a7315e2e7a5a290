using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Tests.Fakes;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Actors;

/// <summary>The coordinator's timers on Akka's <see cref="TestScheduler"/>: time moves when the test says so, never by waiting.</summary>
public sealed class BenchmarkCoordinatorTimeoutTests() : AkkaRpcTestKit(
    ConfigurationFactory.ParseString("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"").WithFallback(BenchActorSystems.Defaults))
{
    private static readonly TimeSpan s_registration = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(60);

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void TooFewWorkersWithinTheRegistrationTimeout_FailThePlan_SayingWhatToDo()
    {
        var coordinator = Sys.ActorOf(BenchmarkCoordinator.Props(new FakeSystem(FakeSystem.Endpoint()), new CoordinatorOptions(2, s_registration, s_grace)));
        coordinator.Tell(new RunPlan([BenchmarkCoordinatorTests.Step(1, 1, 1)]));
        coordinator.Tell(new RegisterWorker("only one")); // From the same sender: the plan is in before this is answered.
        ExpectMsg<WorkerRegistered>();

        Scheduler.Advance(s_registration - TimeSpan.FromSeconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        var failed = ExpectMsg<PlanFailed>();
        Assert.Contains("Only 1 of 2 workers registered within 120s", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("akkarpc bench-worker --coordinator", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStepPastItsCapAndGrace_EndsWithItsClientsLost_AndTheirRequestsCancelled()
    {
        var gated = new FakeSystem(FakeSystem.Endpoint(), gated: true);
        var coordinator = Sys.ActorOf(BenchmarkCoordinator.Props(gated, new CoordinatorOptions(0, s_registration, s_grace)));
        var step = BenchmarkCoordinatorTests.Step(1, clients: 2, requests: 10);
        coordinator.Tell(new RunPlan([step]));
        await gated.Connected.Task.WaitAsync(TestTime.Seconds(10));

        Scheduler.Advance(step.Workload.MaxDuration + s_grace);

        var outcome = ExpectMsg<StepOutcome>();
        Assert.Equal(2, outcome.LostClients);
        ExpectMsg<PlanCompleted>();
        await gated.Cancelled.Task.WaitAsync(TestTime.Seconds(10));
    }
}
