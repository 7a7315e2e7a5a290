using System.Globalization;
using AkkaRpc.Bench.Results;

namespace AkkaRpc.Bench.Services;

/// <summary>
/// The issue's targets for AkkaRpc services, judged on a run's own figures and added to its notes (so the console, the
/// JSON and the HTML report all carry them): sequential call p50 and p99 at most half of gRPC's, 128 callers at least
/// 1.5 times gRPC's throughput, and the generated proxy at most 5 µs over a hand-written message to the same actor.
/// </summary>
internal static class ServiceTargets
{
    /// <summary>Largest latency ratio to gRPC (p50 and p99) that meets the target.</summary>
    public const double LatencyRatio = 0.5;

    /// <summary>Smallest throughput ratio to gRPC with many callers that meets the target.</summary>
    public const double ThroughputRatio = 1.5;

    /// <summary>Most the proxy may add to a hand-written message's p50, in microseconds.</summary>
    public const double ProxyMicroseconds = 5;

    /// <summary>Returns <paramref name="report"/> with a note per contender saying which targets it met and missed.</summary>
    public static RunReport Annotate(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with { Metadata = report.Metadata with { Notes = [.. report.Metadata.Notes, .. Verdicts(report)] } };
    }

    /// <summary>One line per contender measured next to gRPC, and one per proxy measured next to its hand-written twin.</summary>
    public static IReadOnlyList<string> Verdicts(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>();
        foreach (var (key, ratios) in report.Ratios)
        {
            if (ratios.VsFloor is not { Baseline: ServiceCatalog.Grpc } r)
            {
                continue;
            }

            var clients = report.Systems.FirstOrDefault(s => s.Key == key).Value?.Concurrency?.Clients;
            lines.Add(
                $"target {key} vs grpc: sequential p50 {Judge(r.LatencyMedian, LatencyRatio, atMost: true)}, " +
                $"p99 {Judge(r.LatencyP99, LatencyRatio, atMost: true)}, " +
                $"{clients?.ToString(CultureInfo.InvariantCulture) ?? "-"} callers' throughput {Judge(r.ConcurrencyThroughput, ThroughputRatio, atMost: false)}");
        }

        foreach (var (proxy, handWritten) in ServiceCatalog.ProxyPairs)
        {
            var figures = report.Systems.ToDictionary(s => s.Key, s => s.Value);
            if (figures.GetValueOrDefault(proxy)?.Latency is { } p && figures.GetValueOrDefault(handWritten)?.Latency is { } h)
            {
                double p50 = (p.Median - h.Median) * 1e6;
                double mean = (p.Mean - h.Mean) * 1e6;
                lines.Add(
                    $"target {proxy} over {handWritten}: p50 {Micro(p50)}, mean {Micro(mean)} " +
                    $"(≤ {ProxyMicroseconds.ToString(CultureInfo.InvariantCulture)} µs: {(p50 <= ProxyMicroseconds ? "met" : "missed")})");
            }
        }

        return lines;
    }

    private static string Judge(double? ratio, double target, bool atMost)
    {
        if (ratio is not { } x)
        {
            return "not measured";
        }

        bool met = atMost ? x <= target : x >= target;
        string bound = (atMost ? "≤ " : "≥ ") + target.ToString("0.0#", CultureInfo.InvariantCulture) + "×";
        return $"{x.ToString("0.00", CultureInfo.InvariantCulture)}× ({bound}: {(met ? "met" : "missed")})";
    }

    private static string Micro(double microseconds) =>
        (microseconds >= 0 ? "+" : string.Empty) + microseconds.ToString("0.0", CultureInfo.InvariantCulture) + " µs";
}
