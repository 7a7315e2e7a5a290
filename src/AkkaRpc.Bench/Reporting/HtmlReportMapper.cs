using System.Globalization;
using AkkaRpc.Bench.Reporting.Html;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Reporting;

/// <summary>
/// Maps a run's report onto the HTML report's model: latency percentiles per system, throughput against clients,
/// pipelined throughput, bandwidth against payload size; every system in its own colour and dash (<see cref="SystemStyles"/>).
/// A section appears when its suite measured it.
/// </summary>
internal static class HtmlReportMapper
{
    private static readonly string[] s_percentiles = ["mean", "p50", "p95", "p99"];

    /// <summary>Builds the document of <paramref name="report"/>.</summary>
    public static ReportDocument Build(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var systems = report.Systems;
        var m = report.Metadata;
        var skipped = m.Skipped ?? new Dictionary<string, string>();
        var sections = new List<ReportSection>();

        var latencyCharts = new List<ReportChart> { LatencyChart("Point query latency by system", systems, s => s.Latency) };
        if (systems.Any(s => s.Value.InsertLatency is not null))
        {
            latencyCharts.Add(LatencyChart("Single-row insert latency by system", systems, s => s.InsertLatency));
        }

        sections.Add(new ReportSection("Latency")
        {
            Charts = latencyCharts,
            Tables = [FiguresTable(systems)],
            Notes = [.. skipped.Select(p => $"Skipped {p.Key}: {p.Value}.")],
        });

        if (report.Cluster is { } cluster)
        {
            sections.Add(ClusterSection(cluster));
        }
        else if (systems.Any(s => s.Value.Concurrency is not null))
        {
            var throughput = new LineChart(
                "Concurrency throughput against clients",
                new ChartAxis("clients", string.Empty, AxisScale.Log),
                new ChartAxis("throughput", "req/s"),
                systems.Where(s => s.Value.Concurrency is not null)
                    .Select(s => Line(s.Key, [.. (s.Value.ConcurrencyCurve ?? [s.Value.Concurrency!]).Select(c => new ChartPoint(c.Clients, c.ThroughputRps))]))
                    .ToList());
            bool onePoint = systems.All(s => s.Value.ConcurrencyCurve is null);
            sections.Add(new ReportSection("Concurrency")
            {
                Charts = [throughput],
                Notes = onePoint ? ["One client count was measured: give --num-parallel-clients several counts (e.g. 1 8 32 128) to draw the curve."] : [],
            });
        }

        if (systems.FirstOrDefault(s => s.Value.Pipelined is not null).Value?.Pipelined is { } pipelined)
        {
            var chart = new BarChart(
                $"Pipelined point queries, {pipelined.InFlight} in flight on one connection",
                ["throughput"],
                systems.Where(s => s.Value.Pipelined is not null).Select(s => Bar(s.Key, [s.Value.Pipelined!.ThroughputRps])).ToList(),
                new ChartAxis("throughput", "req/s"));
            sections.Add(new ReportSection("Pipelined") { Charts = [chart] });
        }

        if (systems.Any(s => s.Value.Bandwidth.Count > 0))
        {
            sections.Add(new ReportSection("Bandwidth")
            {
                Charts = [BandwidthChart("Upload bandwidth against payload size", systems, up: true), BandwidthChart("Download bandwidth against payload size", systems, up: false)],
            });
        }

        var highlights = report.Ratios
            .SelectMany(r => new[] { r.Value.VsAkkaDotNetty, r.Value.VsHttp, r.Value.VsFloor }.OfType<RatioSet>()
                .Where(set => set.LatencyMean is not null)
                .Select(set => new ReportHighlight($"{r.Key} vs {set.Baseline}", set.LatencyMean!.Value.ToString("0.00", CultureInfo.InvariantCulture) + "x", "point query mean latency")))
            .ToList();

        return new ReportDocument("akkarpc bench" + (m.Suite == "full" ? string.Empty : " " + m.Suite), sections)
        {
            Subtitle = $"{string.Join(", ", systems.Select(s => s.Key))} on {m.Machine}",
            RunFacts =
            [
                new ReportFact("started", m.StartedAt.ToString("u", CultureInfo.InvariantCulture)),
                new ReportFact("duration", m.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"),
                new ReportFact("processors", m.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
                new ReportFact("runtime", m.Runtime),
                new ReportFact("build", m.Configuration),
                new ReportFact("quick", m.Quick ? "yes" : "no"),
                new ReportFact("rounds", m.Settings.Rounds.ToString(CultureInfo.InvariantCulture)),
                new ReportFact("workers", m.Workers.ToString(CultureInfo.InvariantCulture)),
            ],
            Highlights = highlights,
        };
    }

    /// <summary>Writes the HTML page of <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(RunReport report, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await HtmlReportWriter.WriteAsync(Build(report), stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ReportSection ClusterSection(ClusterReport cluster)
    {
        var sizes = cluster.Sizes;
        var charts = new List<ReportChart>
        {
            new BarChart(
                $"Throughput by cluster size, {cluster.Clients} clients over {cluster.Databases} databases",
                ["throughput"],
                [.. sizes.Select(s => Bar(s.System, [s.ThroughputRps]))],
                new ChartAxis("throughput", "req/s")),
            new BarChart(
                "Latency under that load by cluster size",
                ["p50", "p99"],
                [.. sizes.Select(s => Bar(s.System, [s.P50 * 1000, s.P99 * 1000]))],
                new ChartAxis("latency", "ms", AxisScale.Log)),
        };
        var tables = new[] { ClusterTables.Sizes(cluster), ClusterTables.OneDatabase(cluster), ClusterTables.Failover(cluster) }
            .OfType<(string Title, string[] Headers, List<string[]> Rows)>()
            .Select(t => new ReportTable(t.Headers, [.. t.Rows]) { Caption = t.Title })
            .ToList();
        var notes = new List<string>
        {
            "Every cluster ran in the same run, its members real akkarpc serve --cluster processes on this machine; client i queried database i mod D through member i mod M.",
        };
        if (cluster.Failover is { Settings.Count: > 0 } failover)
        {
            notes.Add("Failover is bounded by the members' settings: " + string.Join(", ", failover.Settings.Select(p => $"{p.Key} = {p.Value}")) + ".");
        }

        return new ReportSection("Cluster") { Notes = notes, Charts = charts, Tables = tables };
    }

    private static BarChart LatencyChart(string title, IReadOnlyList<KeyValuePair<string, SystemReport>> systems, Func<SystemReport, Metrics.LatencyStats?> figure) => new(
        title,
        s_percentiles,
        systems.Select(s => Bar(s.Key, figure(s.Value) is { } l ? [l.Mean * 1000, l.Median * 1000, l.P95 * 1000, l.P99 * 1000] : [null, null, null, null])).ToList(),
        new ChartAxis("latency", "ms", AxisScale.Log));

    private static ReportTable FiguresTable(IReadOnlyList<KeyValuePair<string, SystemReport>> systems) => new(
        ["system", "connect ms", "query mean ms", "p99 ms", "insert ms", "concurrency req/s", "pipelined req/s", "success"],
        systems.Select(s => (IReadOnlyList<string>)
        [
            s.Key, Ms(s.Value.ConnectionTime?.Mean), Ms(s.Value.Latency?.Mean), Ms(s.Value.Latency?.P99), Ms(s.Value.InsertLatency?.Mean),
            s.Value.Concurrency?.ThroughputRps.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
            s.Value.Pipelined?.ThroughputRps.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
            (s.Value.SuccessRate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        ]).ToList());

    private static LineChart BandwidthChart(string title, IReadOnlyList<KeyValuePair<string, SystemReport>> systems, bool up) => new(
        title,
        new ChartAxis("payload", "bytes", AxisScale.Log, ValueFormat.Bytes),
        new ChartAxis("bandwidth", "bytes/s", AxisScale.Log, ValueFormat.Bytes),
        systems.Where(s => s.Value.Bandwidth.Count > 0)
            .Select(s => Line(s.Key, s.Value.Bandwidth
                .Select(b => new ChartPoint(b.PayloadBytes, up ? b.UploadBytesPerSecond : b.DownloadBytesPerSecond))
                .Where(p => p.Y > 0)
                .ToList()))
            .ToList());

    private static LineSeries Line(string key, IReadOnlyList<ChartPoint> points) =>
        new(key, points) { Style = SystemStyles.For(key), IsBaseline = SystemCatalog.IsBaseline(key) };

    private static BarSeries Bar(string key, IReadOnlyList<double?> values) => new(key, values) { Style = SystemStyles.For(key) };

    private static string Ms(double? seconds) => seconds is { } s ? (s * 1000).ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
