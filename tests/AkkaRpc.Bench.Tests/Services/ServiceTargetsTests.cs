using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Services;

namespace AkkaRpc.Bench.Tests.Services;

public sealed class ServiceTargetsTests
{
    [Fact]
    public void AContenderNextToGrpc_GetsAVerdictPerTarget_MetOrMissedByItsOwnRatios()
    {
        var report = Report(
            [(ServiceCatalog.ActorTcp, Figures(0.0001)), (ServiceCatalog.Grpc, Figures(0.0003))],
            new Dictionary<string, SystemRatios>
            {
                [ServiceCatalog.ActorTcp] = new(null, new RatioSet(ServiceCatalog.Grpc, null, null, LatencyP99: 0.6, null, null, null, ConcurrencyThroughput: 1.5, LatencyMedian: 0.33), null),
            });

        var notes = ServiceTargets.Annotate(report).Metadata.Notes;

        var verdict = Assert.Single(notes, n => n.StartsWith("target actor_tcp vs grpc", StringComparison.Ordinal));
        Assert.Contains("p50 0.33× (≤ 0.5×: met)", verdict, StringComparison.Ordinal);
        Assert.Contains("p99 0.60× (≤ 0.5×: missed)", verdict, StringComparison.Ordinal);
        Assert.Contains("128 callers' throughput 1.50× (≥ 1.5×: met)", verdict, StringComparison.Ordinal);
        Assert.Contains("an earlier note", notes);
    }

    [Fact]
    public void ARunWithoutGrpc_JudgesNothing()
    {
        var report = Report(
            [(ServiceCatalog.ActorTcp, Figures(0.0001))],
            new Dictionary<string, SystemRatios> { [ServiceCatalog.ActorTcp] = new(null, null, null) });

        Assert.Empty(ServiceTargets.Verdicts(report));
    }

    [Fact]
    public void AMissingFigure_IsSaidToBeNotMeasured_NotJudged()
    {
        var report = Report(
            [(ServiceCatalog.ActorUnix, Figures(0.0001)), (ServiceCatalog.Grpc, Figures(0.0003))],
            new Dictionary<string, SystemRatios>
            {
                [ServiceCatalog.ActorUnix] = new(null, new RatioSet(ServiceCatalog.Grpc, null, null, null, null, null, null, null, LatencyMedian: 0.7), null),
            });

        var verdict = Assert.Single(ServiceTargets.Verdicts(report));
        Assert.Contains("p50 0.70× (≤ 0.5×: missed)", verdict, StringComparison.Ordinal);
        Assert.Contains("p99 not measured", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void TheProxy_IsJudgedByWhatItAddsToTheHandWrittenMessageOnTheSameTransport()
    {
        var report = Report(
            [(ServiceCatalog.ServicesTcp, Figures(0.000_044)), (ServiceCatalog.ActorTcp, Figures(0.000_040)), (ServiceCatalog.ServicesUnix, Figures(0.000_050)), (ServiceCatalog.ActorUnix, Figures(0.000_040))],
            []);

        var verdicts = ServiceTargets.Verdicts(report);

        Assert.Equal(2, verdicts.Count);
        Assert.Contains("target services_tcp over actor_tcp: p50 +4.0 µs, mean +4.0 µs (≤ 5 µs: met)", verdicts);
        Assert.Contains("target services_unix over actor_unix: p50 +10.0 µs, mean +10.0 µs (≤ 5 µs: missed)", verdicts);
    }

    private static RunReport Report(IReadOnlyList<(string Key, SystemReport Figures)> systems, Dictionary<string, SystemRatios> ratios) => new(
        systems.Select(s => new KeyValuePair<string, SystemReport>(s.Key, s.Figures)).ToList(),
        ratios,
        new RunMetadata("akkarpc.bench/2", DateTimeOffset.UnixEpoch, 1, "test", 2, "os", "runtime", false, "", 0, [], ["an earlier note"], BenchSettings.Default, Suite: "services"));

    private static SystemReport Figures(double latencySeconds)
    {
        var latency = new LatencyStats(100, latencySeconds, latencySeconds, latencySeconds, latencySeconds, latencySeconds, latencySeconds, 0);
        var concurrency = new ConcurrencyReport(128, 100, 12_800, 12_800, 0, 1, 1, 12_800, latency, new PerConnectionStats(100, 100, 100), 0);
        return new SystemReport("name", "protocol", "mode", null, latency, null, null, null, [], [], concurrency, 1, new Dictionary<string, long>(), 0);
    }
}
