using System.Text.Json;
using System.Text.Json.Nodes;
using AkkaRpc.Bench.Results;

namespace AkkaRpc.Bench.Reporting.Json;

/// <summary>
/// Writes a run as rpycbench's JSON: the top level keyed by system (<c>"akkarpc_tcp": {"name", "protocol",
/// "server_mode", "latency": {...}, ...}</c>), plus <c>"ratios"</c> and <c>"metadata"</c>, which no system is named.
/// </summary>
internal static class JsonReportWriter
{
    /// <summary>The key of the same-run ratios.</summary>
    public const string RatiosKey = "ratios";

    /// <summary>The key of the run's metadata.</summary>
    public const string MetadataKey = "metadata";

    /// <summary>The key of the cluster suite's figures.</summary>
    public const string ClusterKey = "cluster";

    /// <summary>Returns the report as a JSON tree.</summary>
    public static JsonObject ToJson(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = new JsonObject();
        foreach (var (key, system) in report.Systems)
        {
            root[key] = JsonSerializer.SerializeToNode(system, ReportJsonContext.Default.SystemReport);
        }

        var ratios = new JsonObject();
        foreach (var (key, ratio) in report.Ratios)
        {
            ratios[key] = JsonSerializer.SerializeToNode(ratio, ReportJsonContext.Default.SystemRatios);
        }

        root[RatiosKey] = ratios;
        if (report.Cluster is { } cluster)
        {
            root[ClusterKey] = JsonSerializer.SerializeToNode(cluster, ReportJsonContext.Default.ClusterReport);
        }

        root[MetadataKey] = JsonSerializer.SerializeToNode(report.Metadata, ReportJsonContext.Default.RunMetadata);
        return root;
    }

    /// <summary>Writes the report to <paramref name="path"/>, creating its directory.</summary>
    public static async Task WriteAsync(RunReport report, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            await using (writer.ConfigureAwait(false))
            {
                ToJson(report).WriteTo(writer);
            }
        }
    }
}
