using AkkaRpc.Actors;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Wire;
using AkkaRpc.Remote;

namespace AkkaRpc.Bench.Tests.Engine;

/// <summary>The coordinator in the TestKit's system and workers in systems of their own, over real TCP remoting.</summary>
public sealed class WorkerProtocolTests : AkkaRpc.TestKit.TestKit, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-bench-workers-");
    private readonly List<(Remoting Remoting, ActorSystem System)> _workers = [];
    private Remoting? _coordinatorRemoting;

    private static TimeSpan Ceiling => Dilated(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Workers_RegisterRunTheirSharesAndSendBackTheirHistograms()
    {
        var coordinator = await StartCoordinatorAsync(expectedWorkers: 2, new FakeSystem(FakeSystem.Endpoint()));
        var first = new TaskCompletionSource<string>();
        var second = new TaskCompletionSource<string>();
        await StartWorkerAsync("w1", new FakeSystem(FakeSystem.Endpoint()), first);
        await StartWorkerAsync("w2", new FakeSystem(FakeSystem.Endpoint()), second);

        coordinator.Tell(new RunPlan([new BenchStep(1, ScenarioKind.Concurrency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 5)]), TestActor);

        var completed = await ExpectMsgAsync<PlanCompleted>(Ceiling);
        var outcome = Assert.Single(completed.Outcomes);
        Assert.Equal(50, outcome.Metrics.Successes);
        Assert.Equal(50, outcome.Metrics.Latency.Count);
        Assert.Equal(5, outcome.Metrics.ClientRates.Count);
        Assert.Equal(0, outcome.LostClients);
        Assert.Equal("the run is complete", await first.Task.WaitAsync(Ceiling));
        Assert.Equal("the run is complete", await second.Task.WaitAsync(Ceiling));
    }

    [Fact]
    public async Task AWorkerThatDiesMidRun_IsReportedAsLost_AndTheRunFinishes()
    {
        var coordinator = await StartCoordinatorAsync(expectedWorkers: 2, new FakeSystem(FakeSystem.Endpoint()));
        var dyingStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await StartWorkerAsync("healthy", new FakeSystem(FakeSystem.Endpoint()), new TaskCompletionSource<string>());
        var (dyingRemoting, dyingSystem) = await StartWorkerAsync(
            "dying", new FakeSystem(FakeSystem.Endpoint(), gated: true, onConnect: () => dyingStarted.TrySetResult()), new TaskCompletionSource<string>());

        coordinator.Tell(
            new RunPlan(
            [
                new BenchStep(1, ScenarioKind.Concurrency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 4),
                new BenchStep(2, ScenarioKind.Latency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 1),
            ]),
            TestActor);
        await dyingStarted.Task.WaitAsync(Ceiling);
        await dyingRemoting.DisposeAsync();
        await dyingSystem.Terminate();

        var completed = await ExpectMsgAsync<PlanCompleted>(Ceiling);
        Assert.Equal(["dying"], completed.LostWorkers);
        Assert.Equal(2, completed.Outcomes.Count);
        Assert.Equal(2, completed.Outcomes[0].LostClients);
        Assert.Equal(20, completed.Outcomes[0].Metrics.Successes);
        Assert.Equal(["dying"], completed.Outcomes[0].LostWorkers);
        Assert.Equal(10, completed.Outcomes[1].Metrics.Successes); // The next step ran on the healthy worker alone.
        Assert.Equal(0, completed.Outcomes[1].LostClients);
    }

    /// <summary>Closes the workers and the coordinator's remoting (the TestKit terminates its own system).</summary>
    public void Dispose()
    {
        foreach (var (remoting, system) in _workers)
        {
            remoting.DisposeAsync().AsTask().Wait(Ceiling);
            system.Terminate().Wait(Ceiling);
        }

        _coordinatorRemoting?.DisposeAsync().AsTask().Wait(Ceiling);
        _directory.Delete(recursive: true);
    }

    private RemotingOptions Options(bool listen) => new()
    {
        ListenTcp = listen,
        Transport = new RemoteTransportOptions { CookiePath = Path.Combine(_directory.FullName, "cookie") },
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        AcceptableHeartbeatPause = TimeSpan.FromSeconds(2),
    };

    private async Task<IActorRef> StartCoordinatorAsync(int expectedWorkers, FakeSystem system)
    {
        _coordinatorRemoting = await Remoting.StartAsync(Sys, Options(listen: true), BenchCodecs.CreateRegistry());
        return Sys.ActorOf(
            BenchmarkCoordinator.Props(system, new CoordinatorOptions(expectedWorkers, Ceiling, Ceiling)),
            BenchmarkCoordinator.Name);
    }

    private async Task<(Remoting Remoting, ActorSystem System)> StartWorkerAsync(string name, FakeSystem systems, TaskCompletionSource<string> finished)
    {
        var system = ActorSystem.Create("worker-" + name);
        var remoting = await Remoting.StartAsync(system, Options(listen: false), BenchCodecs.CreateRegistry());
        _workers.Add((remoting, system));
        var coordinator = await system.ActorSelection($"{_coordinatorRemoting!.TcpAddress}/user/{BenchmarkCoordinator.Name}").ResolveOne(Ceiling);
        system.ActorOf(BenchWorker.Props(coordinator, name, systems, finished), "bench-worker");
        return (remoting, system);
    }
}
