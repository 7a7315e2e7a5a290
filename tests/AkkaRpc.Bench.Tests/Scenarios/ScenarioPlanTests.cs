using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;

namespace AkkaRpc.Bench.Tests.Scenarios;

public sealed class ScenarioPlanTests
{
    private static readonly SystemEndpoint[] s_systems = [FakeSystem.Endpoint("a"), FakeSystem.Endpoint("b")];

    [Fact]
    public void TheFullSuite_RunsRpycbenchsScenarios_OnEachSystemInTurn_NumberedFromOne()
    {
        var settings = BenchSettings.Quick with { BandwidthSizes = [1024, 4096] };

        var steps = ScenarioPlan.Build(BenchSuiteKind.Full, settings, s_systems);

        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Id));
        var forA = steps.Where(s => s.System.Key == "a").Select(s => (s.Scenario, s.Workload.Operation)).ToList();
        Assert.Equal(
            [
                (ScenarioKind.Connection, OperationKind.Connect), (ScenarioKind.Latency, OperationKind.PointQuery), (ScenarioKind.Latency, OperationKind.Insert),
                (ScenarioKind.Bandwidth, OperationKind.Upload), (ScenarioKind.Bandwidth, OperationKind.Download),
                (ScenarioKind.Bandwidth, OperationKind.Upload), (ScenarioKind.Bandwidth, OperationKind.Download),
                (ScenarioKind.Concurrency, OperationKind.PointQuery), (ScenarioKind.Concurrency, OperationKind.PointQuery), (ScenarioKind.Concurrency, OperationKind.PointQuery),
            ],
            forA);
        Assert.All(steps.Where(s => s.System.Key == "a"), s => Assert.True(s.Id <= forA.Count, "a's steps all come before b's"));
        Assert.Equal([1, 4, 16], steps.Where(s => s.Scenario == ScenarioKind.Concurrency && s.System.Key == "a").Select(s => s.Clients));
        Assert.All(steps, s => Assert.Equal((1, 1), (s.Round, s.Workload.InFlight)));
    }

    [Fact]
    public void TheConcurrencyScenario_MeasuresEachClientCountOnce_FewestFirst()
    {
        var settings = BenchSettings.Quick with { ParallelClients = [32, 1, 8, 32, 128] };

        var counts = ScenarioPlan.Build(BenchSuiteKind.Full, settings, [FakeSystem.Endpoint()])
            .Where(s => s.Scenario == ScenarioKind.Concurrency).Select(s => s.Clients);

        Assert.Equal([1, 8, 32, 128], counts);
        Assert.Equal(128, settings.NumParallelClients);
    }

    [Fact]
    public void TheClusterSuite_MeasuresOneClientsLatencyThenItsClientsAtOnce_OnEverySystemEachRound()
    {
        var settings = BenchSettings.For(BenchSuiteKind.Cluster, quick: false);

        var steps = ScenarioPlan.Build(BenchSuiteKind.Cluster, settings, s_systems);

        Assert.Equal(3 * 2 * 2, steps.Count);
        Assert.Equal([(ScenarioKind.Latency, 1), (ScenarioKind.Concurrency, 128)], steps.Take(2).Select(s => (s.Scenario, s.Clients)));
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3], steps.Select(s => s.Round));
    }

    [Fact]
    public void BinaryTransfers_AreAddedWhenAsked_WithACapThatGrowsWithTheFile()
    {
        var settings = BenchSettings.Quick with { TestBinaryTransfer = true, BinaryFileSizes = [1 << 20, 64 << 20] };

        var files = ScenarioPlan.Build(BenchSuiteKind.Full, settings, [FakeSystem.Endpoint()]).Where(s => s.Scenario == ScenarioKind.BinaryTransfer).ToList();

        Assert.Equal(4, files.Count);
        Assert.True(files[2].Workload.MaxDuration > files[0].Workload.MaxDuration);
        Assert.All(files, f => Assert.Equal(settings.BinaryChunkSize, f.Workload.ChunkBytes));
    }

    [Fact]
    public void Rounds_RepeatTheWholePlan_InterleavingTheSystems()
    {
        var settings = BenchSettings.For(BenchSuiteKind.Remote, quick: true);

        var steps = ScenarioPlan.Build(BenchSuiteKind.Remote, settings, s_systems);

        Assert.Equal(3, settings.Rounds);
        Assert.Equal(
            ["1a", "1a", "1b", "1b", "2a", "2a", "2b", "2b", "3a", "3a", "3b", "3b"],
            steps.Select(s => $"{s.Round}{s.System.Key}"));
    }

    [Fact]
    public void TheRemoteSuite_MeasuresSequentialThenPipelinedPointQueries()
    {
        var settings = BenchSettings.Default with { Rounds = 1, PipelinedRequests = 5_000, PipelinedInFlight = 64 };

        var steps = ScenarioPlan.Build(BenchSuiteKind.Remote, settings, [FakeSystem.Endpoint()]);

        Assert.Equal([ScenarioKind.Latency, ScenarioKind.Pipelined], steps.Select(s => s.Scenario));
        Assert.All(steps, s => Assert.Equal(OperationKind.PointQuery, s.Workload.Operation));
        Assert.Equal((1, settings.NumRequests), (steps[0].Workload.InFlight, steps[0].Workload.Requests));
        Assert.Equal((64, 5_000), (steps[1].Workload.InFlight, steps[1].Workload.Requests));
        Assert.Equal("fake pipelined pointquery 64 in flight", steps[1].Label);
    }

    [Fact]
    public void TheOwnerSuite_MeasuresPointQueriesAndInserts_OneAtATime()
    {
        var steps = ScenarioPlan.Build(BenchSuiteKind.Owner, BenchSettings.For(BenchSuiteKind.Owner, quick: false), [FakeSystem.Endpoint()]);

        Assert.Equal(5, steps.Max(s => s.Round));
        Assert.Equal([OperationKind.PointQuery, OperationKind.Insert], steps.Where(s => s.Round == 1).Select(s => s.Workload.Operation));
        Assert.All(steps, s => Assert.Equal((ScenarioKind.Latency, 1), (s.Scenario, s.Clients)));
        Assert.Equal("fake latency insert (round 5)", steps[^1].Label);
    }

    [Fact]
    public void TheWarmUp_ServesEveryRepeatedRequestTheSuiteTimes_ForAboutASecondEach()
    {
        var settings = BenchSettings.Default;

        var full = ScenarioPlan.WarmUp(BenchSuiteKind.Full, settings);
        var remote = ScenarioPlan.WarmUp(BenchSuiteKind.Remote, settings);

        Assert.Equal(
            [(OperationKind.Connect, 1, 3), (OperationKind.PointQuery, 1, 5000), (OperationKind.Insert, 1, 5000)],
            full.Select(w => (w.Operation, w.InFlight, w.Requests)));
        Assert.Equal(
            [(OperationKind.PointQuery, 1, 5000), (OperationKind.PointQuery, settings.PipelinedInFlight, 5000)],
            remote.Select(w => (w.Operation, w.InFlight, w.Requests)));
        Assert.All(full.Concat(remote), w => Assert.Equal((0, TimeSpan.FromSeconds(1)), (w.Warmup, w.MaxDuration)));
        Assert.All(ScenarioPlan.WarmUp(BenchSuiteKind.Owner, settings with { MaxStepDuration = TimeSpan.FromMilliseconds(200) }), w => Assert.Equal(TimeSpan.FromMilliseconds(200), w.MaxDuration));
    }
}
