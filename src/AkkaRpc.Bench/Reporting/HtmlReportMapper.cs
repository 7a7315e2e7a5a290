using System.Globalization;
using AkkaRpc.Bench.Reporting.Html;
using AkkaRpc.Bench.Results;

namespace AkkaRpc.Bench.Reporting;

/// <summary>Maps a run's report onto the HTML report's model: latency percentiles per system, throughput against clients, bandwidth against payload size.</summary>
internal static class HtmlReportMapper
{
    /// <summary>Builds the document of <paramref name="report"/>.</summary>
    public static ReportDocument Build(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var systems = report.Systems;
        var keys = systems.Select(s => s.Key).ToList();
        string[] percentiles = ["mean", "p50", "p95", "p99"];
        var latency = new BarChart(
            "Point query latency by system",
            percentiles,
            systems.Select(s => new BarSeries(s.Key, Percentiles(s.Value))).ToList(),
            new ChartAxis("latency", "ms", AxisScale.Log));
        var throughput = new LineChart(
            "Concurrency throughput against clients",
            new ChartAxis("clients", string.Empty),
            new ChartAxis("throughput", "req/s"),
            systems.Where(s => s.Value.Concurrency is not null)
                .Select(s => new LineSeries(s.Key, [new ChartPoint(0, 0), new ChartPoint(s.Value.Concurrency!.Clients, s.Value.Concurrency.ThroughputRps)]) { IsBaseline = !s.Key.StartsWith("akkarpc", StringComparison.Ordinal) })
                .ToList());
        var upload = BandwidthChart("Upload bandwidth against payload size", systems, up: true);
        var download = BandwidthChart("Download bandwidth against payload size", systems, up: false);

        var table = new ReportTable(
            ["system", "connect ms", "query mean ms", "p99 ms", "insert ms", "concurrency req/s", "success"],
            systems.Select(s => (IReadOnlyList<string>)
            [
                s.Key, Ms(s.Value.ConnectionTime?.Mean), Ms(s.Value.Latency?.Mean), Ms(s.Value.Latency?.P99), Ms(s.Value.InsertLatency?.Mean),
                s.Value.Concurrency?.ThroughputRps.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                (s.Value.SuccessRate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
            ]).ToList());

        var highlights = report.Ratios
            .SelectMany(r => new[] { r.Value.VsHttp, r.Value.VsFloor }.OfType<RatioSet>()
                .Where(set => set.LatencyMean is not null)
                .Select(set => new ReportHighlight($"{r.Key} vs {set.Baseline}", set.LatencyMean!.Value.ToString("0.00", CultureInfo.InvariantCulture) + "x", "point query mean latency")))
            .ToList();

        var m = report.Metadata;
        return new ReportDocument(
            "akkarpc bench",
            [
                new ReportSection("Latency") { Charts = [latency], Tables = [table] },
                new ReportSection("Concurrency") { Charts = [throughput], Notes = ["One point per run: rerun with other --num-parallel-clients values to draw more of the curve."] },
                new ReportSection("Bandwidth") { Charts = [upload, download] },
            ])
        {
            Subtitle = $"{string.Join(", ", keys)} on {m.Machine}",
            RunFacts =
            [
                new ReportFact("started", m.StartedAt.ToString("u", CultureInfo.InvariantCulture)),
                new ReportFact("duration", m.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"),
                new ReportFact("processors", m.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
                new ReportFact("runtime", m.Runtime),
                new ReportFact("quick", m.Quick ? "yes" : "no"),
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

    private static double?[] Percentiles(SystemReport s) => s.Latency is { } l
        ? [l.Mean * 1000, l.Median * 1000, l.P95 * 1000, l.P99 * 1000]
        : [null, null, null, null];

    private static LineChart BandwidthChart(string title, IReadOnlyList<KeyValuePair<string, SystemReport>> systems, bool up) => new(
        title,
        new ChartAxis("payload", "bytes", AxisScale.Log, ValueFormat.Bytes),
        new ChartAxis("bandwidth", "bytes/s", AxisScale.Log, ValueFormat.Bytes),
        systems.Where(s => s.Value.Bandwidth.Count > 0)
            .Select(s => new LineSeries(s.Key, s.Value.Bandwidth
                .Select(b => new ChartPoint(b.PayloadBytes, up ? b.UploadBytesPerSecond : b.DownloadBytesPerSecond))
                .Where(p => p.Y > 0)
                .ToList()) { IsBaseline = !s.Key.StartsWith("akkarpc", StringComparison.Ordinal) })
            .ToList());

    private static string Ms(double? seconds) => seconds is { } s ? (s * 1000).ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
