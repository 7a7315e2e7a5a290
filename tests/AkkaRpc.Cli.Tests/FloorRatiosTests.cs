using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Tests;

public sealed class FloorRatiosTests
{
    [Fact]
    public void Apply_DividesEachRowByTheFloorRowOfTheSameName()
    {
        ScenarioResult[] results =
        [
            Row("tell", "channels", 40e6, MetricKind.Throughput),
            Row("tell", "actors", 10e6, MetricKind.Throughput),
            Row("ask", "channels", 500, MetricKind.Latency),
            Row("ask", "actors", 2_000, MetricKind.Latency),
        ];

        IReadOnlyList<ScenarioResult> withRatios = FloorRatios.Apply(results, "channels");

        Assert.Equal([1.0, 0.25, 1.0, 4.0], withRatios.Select(r => r.RatioToFloor!.Value));
        Assert.Equal(results.Select(r => r with { RatioToFloor = null }), withRatios.Select(r => r with { RatioToFloor = null }));
    }

    [Fact]
    public void Apply_LeavesRowsWithoutAFloorWithoutARatio()
    {
        ScenarioResult[] results =
        [
            Row("tell", "channels", 40e6, MetricKind.Throughput),
            Row("connect", "actors", 1_000, MetricKind.Latency),
            Row("ask", "channels", 0, MetricKind.Latency),
            Row("ask", "actors", 2_000, MetricKind.Latency),
        ];

        IReadOnlyList<ScenarioResult> withRatios = FloorRatios.Apply(results, "channels");

        Assert.Equal([1.0, null, null, null], withRatios.Select(r => r.RatioToFloor));
    }

    [Fact]
    public void Apply_RejectsTwoFloorRowsWithOneName()
    {
        ScenarioResult[] results = [Row("tell", "channels", 1, MetricKind.Throughput), Row("tell", "channels", 2, MetricKind.Throughput)];
        Assert.Throws<ArgumentException>(() => FloorRatios.Apply(results, "channels"));
    }

    internal static ScenarioResult Row(string name, string system, double value, MetricKind kind) =>
        new(name, system, kind, kind == MetricKind.Throughput ? "ops/s" : "ns", value, null, [value], 0, 1, 1, 1, null);
}
