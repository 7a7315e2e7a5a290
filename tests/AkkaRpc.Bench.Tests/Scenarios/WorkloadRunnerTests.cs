using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Scenarios;

/// <summary>One client's workload: warm-up untimed, every request timed, bounded in count and time, failures counted.</summary>
public sealed class WorkloadRunnerTests
{
    [Fact]
    public async Task APipelinedWorkload_KeepsItsRequestsOutstandingAtOnce_OnOneConnection()
    {
        // The first 16 requests are answered only once 16 are outstanding: one at a time would never get there.
        var system = new FakeSystem(FakeSystem.Endpoint()) { HoldFirst = 16 };

        var metrics = await WorkloadRunner.RunAsync(system, FakeSystem.Queries(200) with { InFlight = 16 }, 0, CancellationToken.None).WaitAsync(TestTime.Seconds(30));

        Assert.Equal(200, metrics.Successes);
        Assert.Equal(200, metrics.Latency.Count);
        Assert.Equal(200, system.Requests); // Exactly the count: the lanes share one bound.
        Assert.Equal(1, system.Connects);
        Assert.Single(metrics.ClientRates);
    }

    [Fact]
    public async Task WarmUpRequests_AreMadeButNotTimed()
    {
        var system = new FakeSystem(FakeSystem.Endpoint());

        var metrics = await WorkloadRunner.RunAsync(system, FakeSystem.Queries(20, warmup: 7), 0, CancellationToken.None);

        Assert.Equal(20, metrics.Latency.Count);
        Assert.Equal(27, system.Requests);
    }

    [Fact]
    public async Task AWorkloadWithNoTimeLeft_MakesNoTimedRequest()
    {
        var system = new FakeSystem(FakeSystem.Endpoint());

        var metrics = await WorkloadRunner.RunAsync(system, FakeSystem.Queries(1_000_000) with { MaxDuration = TimeSpan.Zero }, 0, CancellationToken.None);

        Assert.Equal(0, metrics.Successes);
        Assert.Equal(0, system.Requests);
    }

    [Fact]
    public async Task AClientThatCannotConnect_FailsEveryRequestItWouldHaveMade()
    {
        var metrics = await WorkloadRunner.RunAsync(new Unreachable(), FakeSystem.Queries(12), 0, CancellationToken.None);

        Assert.Equal(0, metrics.Successes);
        Assert.Equal(12, metrics.Failures["connect:IOException"]);
    }

    [Fact]
    public async Task SerialConnects_AreEachTimed_AfterTheirWarmUp()
    {
        var system = new FakeSystem(FakeSystem.Endpoint());

        var metrics = await WorkloadRunner.RunAsync(system, new Workload(OperationKind.Connect, 10, 3, 0, 0, 0, TimeSpan.FromMinutes(1)), 0, CancellationToken.None);

        Assert.Equal(10, metrics.Successes);
        Assert.Equal(13, system.Connects);
    }

    private sealed class Unreachable : IBenchSystem
    {
        public SystemEndpoint Endpoint => FakeSystem.Endpoint();

        public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken) => Task.FromException<IBenchConnection>(new IOException("refused"));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
