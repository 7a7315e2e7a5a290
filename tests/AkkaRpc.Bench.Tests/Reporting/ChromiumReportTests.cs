using System.Text.RegularExpressions;
using AkkaRpc.Bench.Reporting;
using AkkaRpc.Bench.Reporting.Html;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;

namespace AkkaRpc.Bench.Tests.Reporting;

/// <summary>The report as a person sees it: opened from disk in a real browser with no network, charts drawn.</summary>
public sealed class ChromiumReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("akkarpc-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Report_OpenedFromDisk_ChromiumBuildsEveryChartWithItsSeriesAndLabels()
    {
        Assert.True(HeadlessChromium.IsInstalled, HeadlessChromium.MissingMessage);
        string file = await WriteReportAsync(SampleReports.Realistic());

        string dom = await HeadlessChromium.DumpDomAsync(file);

        Assert.Equal(3, Regex.Count(dom, "<svg[^>]*class=\"chart "));
        Assert.Equal(1, Regex.Count(dom, "<svg[^>]*class=\"chart bar-chart\""));
        Assert.Equal(2, Regex.Count(dom, "<svg[^>]*class=\"chart line-chart\""));
        // 5 systems × 3 percentiles, less the one p99 that was not measured.
        Assert.Equal(14, Regex.Count(dom, "<rect class=\"bar\""));
        Assert.Contains("<title>HTTP/REST · p99: 620 µs</title>", dom);
        Assert.Contains(">n/a</text>", dom);
        // 4 lines × 8 client counts, 6 lines × 6 payload sizes.
        Assert.Equal((4 * 8) + (6 * 6), Regex.Count(dom, "<path class=\"marker\""));
        foreach (string series in new[] { "p50", "p95", "p99", "AkkaRpc TCP", "HTTP/REST", "AkkaRpc Unix download", "HTTP/REST upload" })
        {
            Assert.Contains($"data-series=\"{series}\"", dom);
        }

        Assert.Contains("<g class=\"series baseline\" data-series=\"raw socket (floor)\">", dom);
        foreach (string tick in new[] { "1 KiB", "4 KiB", "16 KiB", "64 KiB", "256 KiB", "1 MiB" })
        {
            Assert.Contains($">{tick}</text>", dom);
        }

        Assert.Contains(">Latency (µs), log scale</text>", dom);
        Assert.Contains(">Bandwidth (MB/s)</text>", dom);
        // The title came in with markup characters; the browser must show them as text, not parse them.
        Assert.Contains("<h1>AkkaRpc benchmark — &lt;run 7&gt; &amp; friends</h1>", dom);
    }

    [Fact]
    public async Task Report_Screenshot_IsNotBlankAndShowsTheSeriesColours()
    {
        Assert.True(HeadlessChromium.IsInstalled, HeadlessChromium.MissingMessage);
        // Only the charts, so the colours counted below can only come from bars, lines and legends.
        var document = new ReportDocument("Charts", [new ReportSection("All") { Charts = [SampleReports.LatencyChart(), SampleReports.BandwidthChart()] }]);
        string file = await WriteReportAsync(document);

        PngPixels image = PngPixels.Decode(await HeadlessChromium.ScreenshotAsync(file, 1000, 1300));

        Assert.Equal((1000, 1300), (image.Width, image.Height));
        var background = image[0, 0];
        int differing = 0;
        var colourCounts = new Dictionary<string, int> { ["#4e79a7"] = 0, ["#f28e2b"] = 0, ["#e15759"] = 0 };
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var pixel = image[x, y];
                if (pixel != background)
                {
                    differing++;
                }

                foreach (string colour in colourCounts.Keys)
                {
                    if (IsNear(pixel, colour))
                    {
                        colourCounts[colour]++;
                    }
                }
            }
        }

        Assert.True(differing > image.Width * image.Height / 20, $"Only {differing} pixels differ from the background: the page looks blank.");
        foreach (var (colour, count) in colourCounts)
        {
            // A drawn bar is hundreds of pixels of its colour; a missing chart leaves none.
            Assert.True(count > 500, $"Only {count} pixels of series colour {colour}: its bars or lines did not render.");
        }
    }

    [Fact]
    public async Task ARunsReport_InTheBrowser_DrawsEverySystemInItsOwnColourDashAndMarker_WithTheLegendMatching_AndOnlyMeasuredPoints()
    {
        Assert.True(HeadlessChromium.IsInstalled, HeadlessChromium.MissingMessage);
        var report = ReportBuilder.Build(HtmlReportMapperTests.EverySystem(), Outcomes.Metadata());
        string file = await WriteReportAsync(HtmlReportMapper.Build(report));

        string dom = await HeadlessChromium.DumpDomAsync(file);

        var lines = HtmlReportMapperTests.Paths(dom, "series(?: baseline)?", "line");
        var legend = HtmlReportMapperTests.Paths(dom, "legend-item", "legend-line");
        Assert.Equal(3 * SystemCatalog.All.Count, lines.Count);
        foreach (var chart in lines.Chunk(SystemCatalog.All.Count))
        {
            // Within a chart no two lines share a colour or a dash, and each looks like its legend sample.
            Assert.Equal(chart.Length, chart.Select(l => l.Style.Colour).Distinct().Count());
            Assert.Equal(chart.Length, chart.Select(l => l.Style.Dash ?? "solid").Distinct().Count());
            Assert.All(chart, line => Assert.Contains(line, legend));
        }

        // Before, the baselines shared one grey dash: http, raw_tcp and sqlite_inprocess looked the same.
        var markers = HtmlReportMapperTests.Markers(dom);
        Assert.Equal(SystemCatalog.All.Count, markers.Select(m => m.Shape).Distinct().Count());
        Assert.All(markers, m => Assert.Equal(MarkerPath.Name(SystemStyles.For(m.Series).Marker), m.Shape));

        // The concurrency chart has a marker at each client count measured (1, 8, 32) and none at an invented origin.
        Assert.Equal(3 * SystemCatalog.All.Count, Regex.Count(dom, "<title>[a-z0-9_]+ — clients: (1|8|32), throughput: "));
        Assert.DoesNotContain("— clients: 0,", dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunsReport_Screenshot_ShowsEverySystemsColour()
    {
        Assert.True(HeadlessChromium.IsInstalled, HeadlessChromium.MissingMessage);
        var report = ReportBuilder.Build(HtmlReportMapperTests.EverySystem(), Outcomes.Metadata());
        var document = HtmlReportMapper.Build(report);
        // Only the charts, so the colours counted can only come from bars, lines and legends.
        string file = await WriteReportAsync(new ReportDocument("Charts", [new ReportSection("All") { Charts = [.. document.Sections.SelectMany(s => s.Charts)] }]));

        PngPixels image = PngPixels.Decode(await HeadlessChromium.ScreenshotAsync(file, 1000, 2600));

        foreach (string key in SystemCatalog.All)
        {
            string colour = SystemStyles.For(key).Colour;
            int count = 0;
            for (int y = 0; y < image.Height; y++)
            {
                for (int x = 0; x < image.Width; x++)
                {
                    if (IsNear(image[x, y], colour))
                    {
                        count++;
                    }
                }
            }

            Assert.True(count > 500, $"Only {count} pixels of {key}'s colour {colour}: its bars, lines or legend did not render.");
        }
    }

    private static bool IsNear((byte R, byte G, byte B) pixel, string hex)
    {
        int r = Convert.ToInt32(hex[1..3], 16), g = Convert.ToInt32(hex[3..5], 16), b = Convert.ToInt32(hex[5..7], 16);
        return Math.Abs(pixel.R - r) <= 6 && Math.Abs(pixel.G - g) <= 6 && Math.Abs(pixel.B - b) <= 6;
    }

    private async Task<string> WriteReportAsync(ReportDocument document)
    {
        string file = Path.Combine(_directory, "report.html");
        await using (FileStream stream = File.Create(file))
        {
            await HtmlReportWriter.WriteAsync(document, stream);
        }

        return file;
    }
}
