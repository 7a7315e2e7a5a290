using System.Globalization;
using AkkaRpc.Bench.Results;
using Spectre.Console;

namespace AkkaRpc.Bench.Reporting;

/// <summary>The console summary: one row per system, then AkkaRpc's ratios to the baselines of the same run.</summary>
internal static class ConsoleSummary
{
    /// <summary>Writes the tables to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Title("akkarpc bench").Border(TableBorder.Rounded);
        foreach (var header in new[] { "system", "connect", "query mean", "p50", "p95", "p99", "insert mean", "upload max", "download max", "concurrency", "success" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var (key, s) in report.Systems)
        {
            table.AddRow(
                Markup.Escape(key),
                Ms(s.ConnectionTime?.Mean),
                Ms(s.Latency?.Mean),
                Ms(s.Latency?.Median),
                Ms(s.Latency?.P95),
                Ms(s.Latency?.P99),
                Ms(s.InsertLatency?.Mean),
                MBps(s.UploadBandwidth?.Max),
                MBps(s.DownloadBandwidth?.Max),
                s.Concurrency is { } c ? $"{c.ThroughputRps.ToString("N0", CultureInfo.InvariantCulture)} req/s x{c.Clients}" : "-",
                (s.SuccessRate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" + (s.LostClients > 0 ? $" ({s.LostClients} lost)" : string.Empty));
        }

        console.Write(table);
        if (report.Ratios.Count == 0)
        {
            return;
        }

        var ratios = new Table().Title("AkkaRpc / baseline (same run; latency > 1 is slower, throughput > 1 is faster)").Border(TableBorder.Rounded);
        foreach (var header in new[] { "system", "baseline", "connect", "query mean", "query p99", "insert", "upload", "download", "concurrency" })
        {
            ratios.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var (key, r) in report.Ratios)
        {
            foreach (var set in new[] { r.VsHttp, r.VsFloor, r.VsInProcess })
            {
                if (set is not null)
                {
                    ratios.AddRow(
                        Markup.Escape(key), Markup.Escape(set.Baseline), X(set.ConnectionTimeMean), X(set.LatencyMean), X(set.LatencyP99),
                        X(set.InsertLatencyMean), X(set.UploadBandwidthMax), X(set.DownloadBandwidthMax), X(set.ConcurrencyThroughput));
                }
            }
        }

        console.Write(ratios);
        foreach (var note in report.Metadata.Notes)
        {
            console.MarkupLine("[yellow]note:[/] " + Markup.Escape(note));
        }
    }

    private static string Ms(double? seconds) => seconds is { } s ? (s * 1000).ToString("0.000", CultureInfo.InvariantCulture) + " ms" : "-";

    private static string MBps(double? bytesPerSecond) =>
        bytesPerSecond is { } b ? (b / (1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB/s" : "-";

    private static string X(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
}
