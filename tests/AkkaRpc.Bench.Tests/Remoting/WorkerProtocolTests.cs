using Akka.Actor;
using Akka.Configuration;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Tests.Fakes;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Remoting;

/// <summary>
/// The coordinator in the TestKit's system and workers in actor systems of their own, each as <c>bench-worker</c> runs
/// it (<see cref="Running.WorkerHost"/>), over real Akka.Remote on loopback through its stock DotNetty TCP transport.
/// </summary>
public sealed class WorkerProtocolTests() : AkkaRpcTestKit(RemoteConfig)
{
    private static readonly TimeSpan s_long = TimeSpan.FromMinutes(5);

    private static Config RemoteConfig =>
        BenchRemoting.Coordinator(BenchRemoting.DotNettyTcp, "127.0.0.1", 0, "127.0.0.1")
            .WithFallback(ConfigurationFactory.ParseString("akka.remote.watch-failure-detector { heartbeat-interval = 200ms, acceptable-heartbeat-pause = 1s, expected-response-after = 500ms }"))
            .WithFallback(BenchActorSystems.Defaults);

    private static TimeSpan Ceiling => TestTime.Seconds(30);

    private string CoordinatorAddress => BenchActorSystems.AddressOf(Sys).ToString();

    [Fact]
    public async Task Workers_JoinOverAkkaRemote_RunTheirShares_AndSendBackTheirHistograms()
    {
        var coordinator = StartCoordinator(expectedWorkers: 2);
        var registered = new List<string>();
        Func<string, Task> log = line =>
        {
            lock (registered)
            {
                registered.Add(line);
            }

            return Task.CompletedTask;
        };
        var first = RunWorker("w1", CoordinatorAddress, new FakeSystem(FakeSystem.Endpoint()), log, CancellationToken.None);
        var second = RunWorker("w2", CoordinatorAddress.Replace("akka.tcp://", "akkarpc.tcp://", StringComparison.Ordinal), new FakeSystem(FakeSystem.Endpoint()), log, CancellationToken.None);

        coordinator.Tell(new RunPlan([new BenchStep(1, ScenarioKind.Concurrency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 5)]));

        var outcome = ExpectMsg<StepOutcome>(Ceiling);
        Assert.Equal(50, outcome.Metrics.Successes);
        Assert.Equal(50, outcome.Metrics.Latency.Count);
        Assert.Equal(5, outcome.Metrics.ClientRates.Count);
        Assert.Equal(0, outcome.LostClients);
        Assert.Empty(ExpectMsg<PlanCompleted>(Ceiling).LostWorkers);
        Assert.Equal("the run is complete", await first.WaitAsync(Ceiling));
        Assert.Equal("the run is complete", await second.WaitAsync(Ceiling));
        Assert.All(registered, line => Assert.Contains($"registered with {CoordinatorAddress}", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorkerThatGoesAwayMidRun_IsReportedLost_AndTheRunFinishesOnTheOthers()
    {
        var coordinator = StartCoordinator(expectedWorkers: 2);
        var dyingSystem = new FakeSystem(FakeSystem.Endpoint(), gated: true);
        using var kill = new CancellationTokenSource();
        var healthy = RunWorker("healthy", CoordinatorAddress, new FakeSystem(FakeSystem.Endpoint()), _ => Task.CompletedTask, CancellationToken.None);
        var dying = RunWorker("dying", CoordinatorAddress, dyingSystem, _ => Task.CompletedTask, kill.Token);

        coordinator.Tell(new RunPlan(
        [
            new BenchStep(1, ScenarioKind.Concurrency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 4),
            new BenchStep(2, ScenarioKind.Latency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 1),
        ]));
        await dyingSystem.Connected.Task.WaitAsync(Ceiling);
        await kill.CancelAsync(); // Its process ends: the worker's actor system shuts down mid-step.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.WaitAsync(Ceiling));

        var first = ExpectMsg<StepOutcome>(Ceiling);
        Assert.Equal(["dying"], first.LostWorkers);
        Assert.Equal(2, first.LostClients);
        Assert.Equal(20, first.Metrics.Successes);
        var second = ExpectMsg<StepOutcome>(Ceiling);
        Assert.Equal(10, second.Metrics.Successes); // The next step ran on the healthy worker alone.
        Assert.Equal(0, second.LostClients);
        Assert.Equal(["dying"], ExpectMsg<PlanCompleted>(Ceiling).LostWorkers);
        Assert.Equal("the run is complete", await healthy.WaitAsync(Ceiling));
    }

    [Fact]
    public async Task ABusyWorker_StaysRegistered_PastTheFailureDetectorsPause_BecauseHeartbeatsReachIt()
    {
        // The coordinator declares a silent peer dead after about a second; this step runs four, the worker answering
        // the heartbeats all along (untrusted mode would drop them unless their path is trusted).
        var coordinator = StartCoordinator(expectedWorkers: 1, stepGrace: TimeSpan.FromSeconds(1));
        var busy = new FakeSystem(FakeSystem.Endpoint(), gated: true);
        var worker = RunWorker("busy", CoordinatorAddress, busy, _ => Task.CompletedTask, CancellationToken.None);
        var step = new BenchStep(1, ScenarioKind.Latency, FakeSystem.Endpoint(), FakeSystem.Queries(10) with { MaxDuration = TimeSpan.FromSeconds(3) }, 1);

        coordinator.Tell(new RunPlan([step]));

        var outcome = ExpectMsg<StepOutcome>(Ceiling);
        Assert.Empty(outcome.LostWorkers);
        Assert.True(outcome.WallNs >= TimeSpan.FromSeconds(4).TotalNanoseconds * 0.99, "the step ended by its cap, not by a lost worker");
        Assert.Equal(1, outcome.LostClients);
        Assert.Empty(ExpectMsg<PlanCompleted>(Ceiling).LostWorkers);
        Assert.Equal("the run is complete", await worker.WaitAsync(Ceiling));
    }

    [Fact]
    public async Task AWorkerGivenAnAddressOfAnotherTransport_FailsSayingWhatToWrite()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() =>
            RunWorker("w", "akka.rpc.tcp://AkkaRpcBench@127.0.0.1:4100", new FakeSystem(FakeSystem.Endpoint()), _ => Task.CompletedTask, CancellationToken.None));

        Assert.Contains("akka.tcp://AkkaRpcBench@host:4100", error.Message, StringComparison.Ordinal);
        Assert.Contains("akka.rpc.tcp://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkerWhoseCoordinatorNeverAnswers_GivesUpAfterItsTimeout_NamingTheAddress()
    {
        int port = Loopback.FreePort();

        var error = await Assert.ThrowsAsync<IOException>(() => Running.WorkerHost.RunAsync(
            $"akka.tcp://AkkaRpcBench@127.0.0.1:{port}", "w", BenchRemoting.DotNettyTcp, new FakeSystem(FakeSystem.Endpoint()), TimeSpan.FromSeconds(1), _ => Task.CompletedTask, CancellationToken.None))
            .WaitAsync(Ceiling);

        Assert.Contains($"127.0.0.1:{port}/user/bench-coordinator did not answer within 1s", error.Message, StringComparison.Ordinal);
    }

    private IActorRef StartCoordinator(int expectedWorkers, TimeSpan? stepGrace = null) =>
        Sys.ActorOf(BenchmarkCoordinator.Props(new FakeSystem(FakeSystem.Endpoint()), new CoordinatorOptions(expectedWorkers, s_long, stepGrace ?? s_long)), BenchmarkCoordinator.Name);

    private static Task<string> RunWorker(string name, string coordinator, FakeSystem systems, Func<string, Task> log, CancellationToken cancellationToken) =>
        Running.WorkerHost.RunAsync(coordinator, name, BenchRemoting.DotNettyTcp, systems, Ceiling, log, cancellationToken);
}
