using System.Text.Json;
using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Tests;

public sealed class BenchmarkReportJsonTests
{
    [Fact]
    public void Serialize_ThenDeserialize_GivesTheSameReport()
    {
        BenchmarkReport report = SampleReport();

        BenchmarkReport back = BenchmarkReportJson.Deserialize(BenchmarkReportJson.Serialize(report));

        Assert.Equal(report with { Results = [] }, back with { Results = [] });
        Assert.Equal(report.Results.Count, back.Results.Count);
        for (int i = 0; i < report.Results.Count; i++)
        {
            Assert.Equal(report.Results[i] with { RoundValues = [] }, back.Results[i] with { RoundValues = [] });
            Assert.Equal(report.Results[i].RoundValues, back.Results[i].RoundValues);
        }
    }

    [Fact]
    public void Serialize_WritesTheDocumentedShape()
    {
        using JsonDocument document = JsonDocument.Parse(BenchmarkReportJson.Serialize(SampleReport()));
        JsonElement root = document.RootElement;

        AssertProperties(root, "schema", "suite", "floor", "startedAt", "durationSeconds", "environment", "settings", "results");
        Assert.Equal("akkarpc.bench/1", root.GetProperty("schema").GetString());
        AssertProperties(root.GetProperty("environment"), "os", "architecture", "runtime", "processorCount", "configuration", "serverGc");
        AssertProperties(root.GetProperty("settings"), "rounds", "roundDurationMs", "warmupDurationMs", "maxOperationsPerRound", "quick");

        JsonElement throughput = root.GetProperty("results")[0];
        AssertProperties(throughput, "name", "system", "kind", "unit", "value", "ratioToFloor", "relativeSpread", "roundValues", "medianRound", "operations", "elapsedNs", "operationsPerSecond", "latency");
        Assert.Equal("throughput", throughput.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, throughput.GetProperty("latency").ValueKind);

        JsonElement latency = root.GetProperty("results")[1];
        Assert.Equal("latency", latency.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, latency.GetProperty("ratioToFloor").ValueKind);
        AssertProperties(latency.GetProperty("latency"), "count", "minNs", "maxNs", "meanNs", "stdDevNs", "p50Ns", "p95Ns", "p99Ns", "p999Ns");
    }

    [Fact]
    public async Task WriteFileAsync_CreatesTheDirectoryAndWritesReadableJson()
    {
        string directory = Path.Combine(Path.GetTempPath(), "akkarpc-tests", Guid.NewGuid().ToString("N"));
        string path = Path.Combine(directory, "nested", "report.json");
        try
        {
            await BenchmarkReportJson.WriteFileAsync(path, SampleReport());

            BenchmarkReport back = BenchmarkReportJson.Deserialize(await File.ReadAllTextAsync(path));
            Assert.Equal("actors", back.Suite);
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static BenchmarkReport SampleReport()
    {
        var histogram = new LatencyHistogram();
        foreach (long value in new long[] { 400, 500, 520, 9_000 })
        {
            histogram.Record(value);
        }

        return new BenchmarkReport(
            BenchmarkReport.CurrentSchema,
            "actors",
            "channels",
            new DateTimeOffset(2026, 11, 23, 10, 40, 0, TimeSpan.Zero),
            12.5,
            BenchmarkEnvironment.Current(),
            BenchmarkSettingsSnapshot.From(BenchmarkSettings.Default),
            [
                new ScenarioResult("tell", "channels", MetricKind.Throughput, "ops/s", 3e7, 1.0, [2.9e7, 3e7, 3.1e7], 1, 30_000_000, 1_000_000_000, 3e7, null),
                new ScenarioResult("ask", "actors", MetricKind.Latency, "ns", 520, null, [520], 0, 4, 10_420, 383_877.1, histogram.Summarize()),
            ]);
    }

    private static void AssertProperties(JsonElement element, params string[] names)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        string[] actual = element.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }
}
