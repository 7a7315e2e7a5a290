using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Tests;

public sealed class BenchmarkRunnerTests
{
    private static readonly BenchmarkSettings s_threeRounds =
        new(3, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(5), 1_000, Quick: false);

    [Fact]
    public async Task RunAsync_ReportsTheMedianRoundOfEachScenario()
    {
        var log = new List<string>();
        var floor = new FakeScenario("tell", "channels", MetricKind.Throughput, log,
            FakeScenario.Throughput(1), FakeScenario.Throughput(300), FakeScenario.Throughput(100), FakeScenario.Throughput(200));
        var actors = new FakeScenario("tell", "actors", MetricKind.Throughput, log,
            FakeScenario.Throughput(1), FakeScenario.Throughput(50), FakeScenario.Throughput(10), FakeScenario.Throughput(90));

        BenchmarkReport report = await new BenchmarkRunner(s_threeRounds).RunAsync("test", "channels", [floor, actors]);

        ScenarioResult floorRow = report.Results[0];
        Assert.Equal(200, floorRow.Value);
        Assert.Equal(2, floorRow.MedianRound);
        Assert.Equal([300.0, 100.0, 200.0], floorRow.RoundValues);
        Assert.Equal(1.0, floorRow.RatioToFloor);
        ScenarioResult actorRow = report.Results[1];
        Assert.Equal(50, actorRow.Value);
        Assert.Equal(0.25, actorRow.RatioToFloor);
    }

    [Fact]
    public async Task RunAsync_WarmsUpEveryScenarioThenInterleavesRounds()
    {
        var log = new List<string>();
        RoundSample[] samples = [.. Enumerable.Repeat(FakeScenario.Throughput(1), 4)];
        var a = new FakeScenario("x", "a", MetricKind.Throughput, log, samples);
        var b = new FakeScenario("x", "b", MetricKind.Throughput, log, samples);

        await new BenchmarkRunner(s_threeRounds).RunAsync("test", "a", [a, b]);

        Assert.Equal(["a:x", "b:x", "a:x", "b:x", "a:x", "b:x", "a:x", "b:x"], log);
        Assert.Equal(s_threeRounds.WarmupBudget, a.Budgets[0]);
        Assert.All(a.Budgets.Skip(1), budget => Assert.Equal(s_threeRounds.RoundBudget, budget));
    }

    [Fact]
    public async Task RunAsync_RanksLatencyRoundsByTheirMedian()
    {
        // Values below 128 ns are kept exactly, so the figures can be compared with ==.
        var log = new List<string>();
        var ask = new FakeScenario("ask", "channels", MetricKind.Latency, log,
            FakeScenario.Latency(1), FakeScenario.Latency(90, 100, 110), FakeScenario.Latency(40, 50, 60), FakeScenario.Latency(120));

        BenchmarkReport report = await new BenchmarkRunner(s_threeRounds).RunAsync("test", "channels", [ask]);

        ScenarioResult row = Assert.Single(report.Results);
        Assert.Equal(0, row.MedianRound);
        Assert.Equal(100, row.Value);
        Assert.NotNull(row.Latency);
        Assert.Equal(100, row.Latency.P50Ns);
        Assert.Equal(3, row.Latency.Count);
    }

    [Fact]
    public async Task RunAsync_ReportsEveryRoundAsProgress()
    {
        var log = new List<string>();
        var progress = new List<int>();
        var a = new FakeScenario("x", "a", MetricKind.Throughput, log, [.. Enumerable.Repeat(FakeScenario.Throughput(1), 4)]);

        await new BenchmarkRunner(s_threeRounds, new SynchronousProgress(r => progress.Add(r.Round))).RunAsync("test", "a", [a]);

        Assert.Equal([0, 1, 2, 3], progress);
    }

    private sealed class SynchronousProgress(Action<RoundCompleted> report) : IProgress<RoundCompleted>
    {
        public void Report(RoundCompleted value) => report(value);
    }
}
