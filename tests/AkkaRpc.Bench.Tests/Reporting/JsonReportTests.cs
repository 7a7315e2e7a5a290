using System.Text.Json.Nodes;
using AkkaRpc.Bench.Reporting.Json;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;

namespace AkkaRpc.Bench.Tests.Reporting;

/// <summary>The one JSON writer, for every suite: rpycbench's shape, keyed by system, plus ratios and metadata.</summary>
public sealed class JsonReportTests
{
    [Fact]
    public void Json_IsKeyedBySystem_WithRpycbenchLatencyInSeconds_RatiosAndMetadata()
    {
        var json = Json(
            [Outcomes.Latency(SystemCatalog.AkkaRpcTcp, 2_000_000), Outcomes.Latency(SystemCatalog.AkkaDotNetty, 4_000_000), Outcomes.Latency(SystemCatalog.Http, 4_000_000), Outcomes.Latency(SystemCatalog.RawTcp, 1_000_000)],
            Outcomes.Metadata());

        var akkarpc = json[SystemCatalog.AkkaRpcTcp]!;
        Assert.Equal("AkkaRpc (TCP)", (string?)akkarpc["name"]);
        Assert.Equal("akkarpc.tcp", (string?)akkarpc["protocol"]);
        Assert.NotNull((string?)akkarpc["server_mode"]);
        foreach (var field in new[] { "count", "mean", "median", "p95", "p99", "min", "max", "stdev" })
        {
            Assert.NotNull(akkarpc["latency"]![field]);
        }

        Assert.Equal(0.002, (double)akkarpc["latency"]!["mean"]!, 6);
        Assert.Equal(0.5, (double)json[JsonReportWriter.RatiosKey]![SystemCatalog.AkkaRpcTcp]!["vs_http"]!["latency_mean"]!, 6);
        Assert.Equal(2.0, (double)json[JsonReportWriter.RatiosKey]![SystemCatalog.AkkaRpcTcp]!["vs_floor"]!["latency_median"]!, 6);
        Assert.Equal(0.5, (double)json[JsonReportWriter.RatiosKey]![SystemCatalog.AkkaRpcTcp]!["vs_akka_dotnetty"]!["latency_median"]!, 6);
        Assert.Equal(BenchSuite.Schema, (string?)json[JsonReportWriter.MetadataKey]!["schema"]);
        Assert.Equal("full", (string?)json[JsonReportWriter.MetadataKey]!["suite"]);
        Assert.Equal(200, (int)json[JsonReportWriter.MetadataKey]!["settings"]!["num_requests"]!);
    }

    [Fact]
    public void AOneRoundRunOfTheSuite_WritesNothingItDidNotMeasure()
    {
        var json = Json([Outcomes.Latency(SystemCatalog.AkkaRpcTcp, 2_000_000), Outcomes.Latency(SystemCatalog.RawTcp, 1_000_000)], Outcomes.Metadata());

        var system = json[SystemCatalog.AkkaRpcTcp]!.AsObject();
        Assert.False(system.ContainsKey("rounds"));
        Assert.False(system.ContainsKey("pipelined"));
        Assert.False(system.ContainsKey("concurrency"));
        Assert.False(json[JsonReportWriter.RatiosKey]![SystemCatalog.AkkaRpcTcp]!.AsObject().ContainsKey("vs_akka_dotnetty"));
    }

    [Fact]
    public void SeveralClientCounts_KeepRpycbenchsConcurrencyObject_AndAddTheCurve()
    {
        var json = Json(
            [Outcomes.Concurrency(SystemCatalog.RawTcp, 1, 100, 1_000_000_000), Outcomes.Concurrency(SystemCatalog.RawTcp, 16, 1_600, 1_000_000_000)],
            Outcomes.Metadata());

        var raw = json[SystemCatalog.RawTcp]!;
        Assert.Equal(16, (int)raw["concurrency"]!["clients"]!);
        Assert.Equal(1_600, (double)raw["concurrency"]!["throughput_rps"]!, 3);
        var curve = raw["concurrency_curve"]!.AsArray();
        Assert.Equal([1, 16], curve.Select(c => (int)c!["clients"]!));
        Assert.Equal([100.0, 1_600.0], curve.Select(c => Math.Round((double)c!["throughput_rps"]!)));
        Assert.NotNull(curve[0]!["latency"]!["p99"]);
        var settings = json[JsonReportWriter.MetadataKey]!["settings"]!;
        Assert.Equal(16, (int)settings["num_parallel_clients"]!);
        Assert.Equal([1, 4, 16], settings["parallel_clients"]!.AsArray().Select(c => (int)c!));
    }

    [Fact]
    public void TheClusterSuite_AddsItsFiguresUnderCluster_NextToTheSystems()
    {
        var outcomes = Results.ClusterReportBuilderTests.Sizes().ToList();
        var cluster = Results.ClusterReportBuilderTests.Build(outcomes, [new("failover-1", "m1", "m2", 2.5, 4), new("failover-2", "m2", "m3", null, 120, "none within 60 s")]);

        var json = JsonReportWriter.ToJson(ReportBuilder.Build(outcomes, Outcomes.Metadata("cluster")) with { Cluster = cluster });

        var sizes = json[JsonReportWriter.ClusterKey]!["sizes"]!.AsArray();
        Assert.Equal([1, 2, 3], sizes.Select(s => (int)s!["members"]!));
        Assert.Equal(1.5, (double)sizes[1]!["vs_one_member"]!, 6);
        Assert.NotNull(sizes[2]!["p99"]);
        var failover = json[JsonReportWriter.ClusterKey]!["failover"]!;
        Assert.Equal(2.5, (double)failover["median_seconds"]!, 6);
        Assert.Equal("none within 60 s", (string?)failover["samples"]![1]!["error"]);
        Assert.Equal(128, (int)json[SystemCatalog.Cluster3]!["concurrency"]!["clients"]!);
    }

    [Fact]
    public void SkippedSystems_AndEveryRoundsFigures_AreInTheReport()
    {
        var skipped = new Dictionary<string, string> { [SystemCatalog.AkkaDotNetty] = "the node printed no address for it" };
        var json = Json(
            [Outcomes.Pipelined(SystemCatalog.RawTcp, 100, 1_000_000_000, round: 1), Outcomes.Pipelined(SystemCatalog.RawTcp, 300, 1_000_000_000, round: 2), Outcomes.Pipelined(SystemCatalog.RawTcp, 200, 1_000_000_000, round: 3)],
            Outcomes.Metadata("remote", rounds: 3, skipped));

        Assert.Equal("the node printed no address for it", (string?)json[JsonReportWriter.MetadataKey]!["skipped"]![SystemCatalog.AkkaDotNetty]);
        Assert.False(json.AsObject().ContainsKey(SystemCatalog.AkkaDotNetty));
        var raw = json[SystemCatalog.RawTcp]!;
        Assert.Equal(200, (double)raw["pipelined"]!["throughput_rps"]!, 3);
        Assert.Equal(64, (int)raw["pipelined"]!["in_flight"]!);
        var rounds = raw["rounds"]!["pipelined_throughput"]!;
        Assert.Equal([100.0, 300.0, 200.0], rounds["values"]!.AsArray().Select(v => Math.Round((double)v!)));
        Assert.Equal(2, (int)rounds["median_round"]!);
        Assert.Equal(3, (int)json[JsonReportWriter.MetadataKey]!["settings"]!["rounds"]!);
    }

    [Fact]
    public async Task WriteAsync_CreatesTheDirectory_AndWritesJsonThatReadsBack()
    {
        string directory = Path.Combine(Path.GetTempPath(), "akkarpc-tests", Guid.NewGuid().ToString("N"));
        string path = Path.Combine(directory, "nested", "report.json");
        try
        {
            await JsonReportWriter.WriteAsync(ReportBuilder.Build([Outcomes.Latency(SystemCatalog.RawTcp, 1_000)], Outcomes.Metadata()), path, CancellationToken.None);

            var back = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
            Assert.Equal(BenchSuite.Schema, (string?)back[JsonReportWriter.MetadataKey]!["schema"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static JsonObject Json(IReadOnlyList<Protocol.StepOutcome> outcomes, RunMetadata metadata) =>
        JsonReportWriter.ToJson(ReportBuilder.Build(outcomes, metadata));
}
