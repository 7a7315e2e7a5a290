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

/// <summary>The same coordinator and worker over Akka.Remote's stock DotNetty TCP transport, which stays selectable.</summary>
public sealed class DotNettyWorkerTests() : AkkaRpcTestKit(CoordinatorConfig)
{
    private static readonly BenchTransport s_stock = new(BenchTransport.DotNettyTcp);

    private static Config CoordinatorConfig => BenchRemoting.Coordinator(s_stock, "127.0.0.1", 0, "127.0.0.1").WithFallback(BenchActorSystems.Defaults);

    private static TimeSpan Ceiling => TestTime.Seconds(30);

    [Fact]
    public async Task AWorker_JoinsOverTheStockTransport_AndRunsItsShare()
    {
        string address = BenchActorSystems.AddressOf(Sys).ToString();
        var coordinator = Sys.ActorOf(
            BenchmarkCoordinator.Props(new FakeSystem(FakeSystem.Endpoint()), new CoordinatorOptions(1, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5))), BenchmarkCoordinator.Name);
        var worker = WorkerHost.RunAsync(address, "w", s_stock, new FakeSystem(FakeSystem.Endpoint()), Ceiling, _ => Task.CompletedTask, CancellationToken.None);

        coordinator.Tell(new RunPlan([new BenchStep(1, ScenarioKind.Latency, FakeSystem.Endpoint(), FakeSystem.Queries(10), 1)]));

        Assert.Matches("^akka\\.tcp://[^@]+@127\\.0\\.0\\.1:[0-9]+$", address);
        Assert.Equal(10, ExpectMsg<StepOutcome>(Ceiling).Metrics.Successes);
        Assert.Empty(ExpectMsg<PlanCompleted>(Ceiling).LostWorkers);
        Assert.Equal("the run is complete", await worker.WaitAsync(Ceiling));
    }
}
