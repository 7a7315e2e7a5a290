using System.Globalization;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Systems;
using Spectre.Console;

namespace AkkaRpc.Bench.Reporting;

/// <summary>
/// The console summary of every suite: one row per system with the figures its suite measured (columns nobody
/// measured are left out), a row per skipped system with the reason, then each contender's ratios to the baselines
/// of the same run, and the notes. Captioned with the machine and build, so figures are never read without them.
/// </summary>
internal static class ConsoleSummary
{
    /// <summary>Writes the tables to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.Write(Figures(report));
        if (Ratios(report) is { } ratios)
        {
            console.Write(ratios);
        }

        if (report.Cluster is { } cluster)
        {
            foreach (var (title, headers, rows) in new[] { ClusterTables.Sizes(cluster), ClusterTables.OneDatabase(cluster), ClusterTables.Failover(cluster) }.OfType<(string, string[], List<string[]>)>())
            {
                var table = new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);
                foreach (string header in headers)
                {
                    table.AddColumn(new TableColumn(Markup.Escape(header)));
                }

                foreach (var row in rows)
                {
                    table.AddRow([.. row.Select(Markup.Escape)]);
                }

                console.Write(table);
            }
        }

        foreach (var note in report.Metadata.Notes)
        {
            console.MarkupLine("[yellow]note:[/] " + Markup.Escape(note));
        }
    }

    /// <summary>Builds the table of figures.</summary>
    public static Table Figures(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Metadata;
        var systems = report.Systems.Select(p => p.Value).ToList();
        var columns = new List<(string Header, Func<SystemReport, string> Cell)>
        {
            ("connect", s => Ms(s.ConnectionTime?.Mean)),
            ("query mean", s => Ms(s.Latency?.Mean)),
            ("p50", s => Ms(s.Latency?.Median)),
            ("p95", s => Ms(s.Latency?.P95)),
            ("p99", s => Ms(s.Latency?.P99)),
            ("insert mean", s => Ms(s.InsertLatency?.Mean)),
            ("upload max", s => MBps(s.UploadBandwidth?.Max)),
            ("download max", s => MBps(s.DownloadBandwidth?.Max)),
            ("concurrency", s => s.Concurrency is { } c ? $"{Rate(c.ThroughputRps)} req/s x{c.Clients}" : "-"),
            ("pipelined", s => s.Pipelined is { } p ? $"{Rate(p.ThroughputRps)} req/s, {p.InFlight} in flight" : "-"),
            ("round spread", s => s.Rounds is { Count: > 0 } r ? "±" + (r.Values.Max(f => f.RelativeSpread) * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-"),
        };
        columns.RemoveAll(c => systems.All(s => c.Cell(s) == "-"));
        columns.Add(("success", s => (s.SuccessRate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" + (s.LostClients > 0 ? $" ({s.LostClients} lost)" : string.Empty)));
        var skipped = m.Skipped ?? new Dictionary<string, string>();

        string rounds = m.Settings.Rounds > 1 ? $", median of {m.Settings.Rounds} rounds" : string.Empty;
        var table = new Table()
            .Title($"akkarpc bench{(m.Suite == "full" ? string.Empty : " " + Markup.Escape(m.Suite))}{rounds}")
            .Caption(Caption(m))
            .Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("system"));
        foreach (var (header, _) in columns)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        if (skipped.Count > 0)
        {
            table.AddColumn(new TableColumn("note"));
        }

        // Measured and skipped systems in run order, so a skipped one sits where it would have been measured.
        var rows = report.Systems.Select(p => (p.Key, Figures: (SystemReport?)p.Value, Reason: (string?)null))
            .Concat(skipped.Select(p => (p.Key, Figures: (SystemReport?)null, Reason: (string?)p.Value)))
            .OrderBy(r => SystemCatalog.All.Contains(r.Key) ? SystemCatalog.All.ToList().IndexOf(r.Key) : int.MaxValue);
        foreach (var (key, figures, reason) in rows)
        {
            var cells = new List<string> { Markup.Escape(key) };
            cells.AddRange(columns.Select(c => figures is null ? "-" : Markup.Escape(c.Cell(figures))));
            if (skipped.Count > 0)
            {
                cells.Add(reason is null ? string.Empty : "[yellow]skipped:[/] " + Markup.Escape(reason));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    /// <summary>Builds the table of ratios, or null when no contender ran next to a baseline.</summary>
    public static Table? Ratios(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sets = report.Ratios
            .SelectMany(r => new[] { r.Value.VsHttp, r.Value.VsFloor, r.Value.VsInProcess, r.Value.VsAkkaDotNetty }.OfType<RatioSet>().Select(set => (r.Key, Set: set)))
            .ToList();
        if (sets.Count == 0)
        {
            return null;
        }

        var columns = new List<(string Header, Func<RatioSet, double?> Value)>
        {
            ("connect", r => r.ConnectionTimeMean),
            ("query mean", r => r.LatencyMean),
            ("query p50", r => r.LatencyMedian),
            ("query p99", r => r.LatencyP99),
            ("insert", r => r.InsertLatencyMean),
            ("upload", r => r.UploadBandwidthMax),
            ("download", r => r.DownloadBandwidthMax),
            ("concurrency", r => r.ConcurrencyThroughput),
            ("pipelined", r => r.PipelinedThroughput),
        };
        columns.RemoveAll(c => sets.All(s => c.Value(s.Set) is null));
        var table = new Table().Title("contender / baseline (same run; latency > 1 is slower, throughput > 1 is faster)").Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("system"));
        table.AddColumn(new TableColumn("baseline"));
        foreach (var (header, _) in columns)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var (key, set) in sets)
        {
            table.AddRow([Markup.Escape(key), Markup.Escape(set.Baseline), .. columns.Select(c => X(c.Value(set)))]);
        }

        return table;
    }

    private static string Caption(RunMetadata m) =>
        $"{Markup.Escape(m.Runtime)} · {Markup.Escape(m.Os)} · {m.ProcessorCount} cores · {(m.ServerGc ? "server" : "workstation")} GC · " +
        $"{Markup.Escape(m.Configuration)} build" +
        (m.Configuration == "Release" ? string.Empty : " [red](figures not representative)[/]") +
        (m.Quick ? " · --quick (not for figures you quote)" : string.Empty);

    private static string Ms(double? seconds) => seconds is { } s ? (s * 1000).ToString("0.000", CultureInfo.InvariantCulture) + " ms" : "-";

    private static string MBps(double? bytesPerSecond) =>
        bytesPerSecond is { } b ? (b / (1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB/s" : "-";

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string X(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
}
