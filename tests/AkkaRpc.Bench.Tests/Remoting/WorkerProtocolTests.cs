using Akka.Actor;
using Akka.Configuration;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Tests.Fakes;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Remoting;

/// <summary>
/// The coordinator in the TestKit's system and workers in actor systems of their own, each as <c>bench-worker</c> runs
/// it (<see cref="WorkerHost"/>), over real Akka.Remote on loopback through AkkaRpc's TCP transport: the coordinator
/// listens, every worker is a client that binds nothing, and both prove the same cookie before any Akka message passes.
/// </summary>
public sealed class WorkerProtocolTests() : AkkaRpcTestKit(CoordinatorConfig(NewCookiePath()))
{
    private static readonly TimeSpan s_long = TimeSpan.FromMinutes(5);

    private static TimeSpan Ceiling => TestTime.Seconds(30);

    private string CoordinatorAddress => BenchActorSystems.AddressOf(Sys).ToString();

    // The cookie this test's coordinator was started with, in a directory of its own.
    private string Cookie => Sys.Settings.Config.GetString("akka.remote.rpc-tcp.cookie-file");

    private BenchTransport Transport => new(BenchTransport.RpcTcp, Cookie);

    [Fact]
    public async Task Workers_JoinOverAkkaRpcsTransport_RunTheirShares_AndSendBackTheirHistograms()
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
        var second = RunWorker("w2", CoordinatorAddress.Replace("akka.rpc.tcp://", "akkarpc.tcp://", StringComparison.Ordinal), new FakeSystem(FakeSystem.Endpoint()), log, CancellationToken.None);

        coordinator.Tell(new RunPlan([new BenchStep(1, ScenarioKind.Concurrency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 5)]));

        var outcome = ExpectMsg<StepOutcome>(Ceiling);
        Assert.Equal(50, outcome.Metrics.Successes);
        Assert.Equal(50, outcome.Metrics.Latency.Count);
        Assert.Equal(5, outcome.Metrics.ClientRates.Count);
        Assert.Equal(0, outcome.LostClients);
        Assert.Empty(ExpectMsg<PlanCompleted>(Ceiling).LostWorkers);
        Assert.Equal("the run is complete", await first.WaitAsync(Ceiling));
        Assert.Equal("the run is complete", await second.WaitAsync(Ceiling));
        Assert.Matches("^akka\\.rpc\\.tcp://[^@]+@127\\.0\\.0\\.1:[0-9]+$", CoordinatorAddress);
        Assert.All(registered, line => Assert.Contains($"registered with {CoordinatorAddress}", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorkerWithAnotherCookie_IsRefusedInTheHandshake_AndTheRunGoesOnWithTheWorkerThatHasTheRightOne()
    {
        var coordinator = StartCoordinator(expectedWorkers: 1);
        var intruderSystem = new FakeSystem(FakeSystem.Endpoint());
        var intruder = new BenchTransport(BenchTransport.RpcTcp, Path.Combine(Path.GetDirectoryName(Cookie)!, "other", "cookie"));

        var error = await Assert.ThrowsAsync<IOException>(() => WorkerHost.RunAsync(
            CoordinatorAddress, "intruder", intruder, intruderSystem, TimeSpan.FromSeconds(1), _ => Task.CompletedTask, CancellationToken.None)).WaitAsync(Ceiling);

        Assert.Contains("cookie was refused", error.Message, StringComparison.Ordinal);
        var honest = new FakeSystem(FakeSystem.Endpoint());
        var worker = RunWorker("honest", CoordinatorAddress, honest, _ => Task.CompletedTask, CancellationToken.None);
        coordinator.Tell(new RunPlan([new BenchStep(1, ScenarioKind.Latency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 1)]));
        Assert.Equal(10, ExpectMsg<StepOutcome>(Ceiling).Metrics.Successes);
        Assert.Empty(ExpectMsg<PlanCompleted>(Ceiling).LostWorkers);
        Assert.Equal("the run is complete", await worker.WaitAsync(Ceiling));
        Assert.Equal((1, 0), (honest.Connects, intruderSystem.Connects)); // the intruder never registered, so never got a share
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
            RunWorker("w", "akka.tcp://AkkaRpcBench@127.0.0.1:4100", new FakeSystem(FakeSystem.Endpoint()), _ => Task.CompletedTask, CancellationToken.None));

        Assert.Contains("akka.rpc.tcp://AkkaRpcBench@host:4100", error.Message, StringComparison.Ordinal);
        Assert.Contains("akka.tcp://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkerWhoseCoordinatorNeverAnswers_GivesUpAfterItsTimeout_NamingTheAddress()
    {
        int port = Loopback.FreePort();

        var error = await Assert.ThrowsAsync<IOException>(() => WorkerHost.RunAsync(
            $"akka.rpc.tcp://AkkaRpcBench@127.0.0.1:{port}", "w", Transport, new FakeSystem(FakeSystem.Endpoint()), TimeSpan.FromSeconds(1), _ => Task.CompletedTask, CancellationToken.None))
            .WaitAsync(Ceiling);

        Assert.Contains($"127.0.0.1:{port}/user/bench-coordinator did not answer within 1s", error.Message, StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        string directory = Path.GetDirectoryName(Cookie)!;
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string NewCookiePath() =>
        Path.Combine(Path.GetTempPath(), "akkarpc-bench-tests", Guid.NewGuid().ToString("N"), "cookie");

    private static Config CoordinatorConfig(string cookie) =>
        BenchRemoting.Coordinator(new BenchTransport(BenchTransport.RpcTcp, cookie), "127.0.0.1", 0, "127.0.0.1")
            .WithFallback(ConfigurationFactory.ParseString("akka.remote.watch-failure-detector { heartbeat-interval = 200ms, acceptable-heartbeat-pause = 1s, expected-response-after = 500ms }"))
            .WithFallback(BenchActorSystems.Defaults);

    private IActorRef StartCoordinator(int expectedWorkers, TimeSpan? stepGrace = null) =>
        Sys.ActorOf(BenchmarkCoordinator.Props(new FakeSystem(FakeSystem.Endpoint()), new CoordinatorOptions(expectedWorkers, s_long, stepGrace ?? s_long)), BenchmarkCoordinator.Name);

    private Task<string> RunWorker(string name, string coordinator, FakeSystem systems, Func<string, Task> log, CancellationToken cancellationToken) =>
        WorkerHost.RunAsync(coordinator, name, Transport, systems, Ceiling, log, cancellationToken);
}
