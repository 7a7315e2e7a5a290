using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Reporting.Json;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Tests.Engine;

public sealed class JsonReportTests
{
    [Fact]
    public void Json_IsKeyedBySystem_WithRpycbenchLatencyInSeconds_RatiosAndMetadata()
    {
        var outcomes = new[]
        {
            Outcome(SystemCatalog.AkkaRpcTcp, 2_000_000),
            Outcome(SystemCatalog.Http, 4_000_000),
            Outcome(SystemCatalog.RawTcp, 1_000_000),
        };
        var metadata = new RunMetadata(BenchSuite.Schema, DateTimeOffset.UnixEpoch, 1, "m", 2, "linux", ".NET", true, "tcp", 0, [], [], BenchSettings.Quick);

        var json = JsonReportWriter.ToJson(ReportBuilder.Build(outcomes, metadata));

        var akkarpc = json[SystemCatalog.AkkaRpcTcp]!;
        Assert.Equal("AkkaRpc (TCP)", (string?)akkarpc["name"]);
        Assert.Equal("akkarpc.tcp", (string?)akkarpc["protocol"]);
        Assert.NotNull((string?)akkarpc["server_mode"]);
        foreach (var field in new[] { "mean", "median", "p95", "p99", "min", "max", "stdev" })
        {
            Assert.NotNull(akkarpc["latency"]![field]);
        }

        Assert.Equal(0.002, (double)akkarpc["latency"]!["mean"]!, 6);
        Assert.Equal(0.5, (double)json[JsonReportWriter.RatiosKey]![SystemCatalog.AkkaRpcTcp]!["vs_http"]!["latency_mean"]!, 6);
        Assert.Equal(2.0, (double)json[JsonReportWriter.RatiosKey]![SystemCatalog.AkkaRpcTcp]!["vs_floor"]!["latency_mean"]!, 6);
        Assert.Equal(BenchSuite.Schema, (string?)json[JsonReportWriter.MetadataKey]!["schema"]);
        Assert.Equal(200, (int)json[JsonReportWriter.MetadataKey]!["settings"]!["num_requests"]!);
    }

    private static StepOutcome Outcome(string key, long latencyNs)
    {
        var histogram = new LatencyHistogram();
        histogram.Record(latencyNs);
        var endpoint = new SystemEndpoint(key, SystemKind.RawSocket, "tcp://127.0.0.1:1", string.Empty);
        var step = new BenchStep(1, ScenarioKind.Latency, endpoint, FakeSystem.Queries(1), 1);
        return new StepOutcome(step, new LoadMetrics(histogram, 1, new Dictionary<string, long>(), 0, 0, latencyNs, [1]), latencyNs, 0, []);
    }
}
