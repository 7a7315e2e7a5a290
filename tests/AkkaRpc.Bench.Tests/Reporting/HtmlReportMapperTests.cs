using System.Text.RegularExpressions;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Reporting;
using AkkaRpc.Bench.Reporting.Html;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;

namespace AkkaRpc.Bench.Tests.Reporting;

/// <summary>A run's report as a page: every system told apart by its own colour, dash and marker, the same in every chart and legend.</summary>
public sealed class HtmlReportMapperTests
{
    [Fact]
    public void EverySystem_HasAColourADashAndAMarkerOfItsOwn()
    {
        var styles = SystemCatalog.All.Select(SystemStyles.For).ToList();

        Assert.Equal(styles.Count, styles.Select(s => s.Colour).Distinct().Count());
        Assert.Equal(styles.Count, styles.Select(s => s.Dash ?? "solid").Distinct().Count());
        Assert.Equal(styles.Count, styles.Select(s => s.Marker).Distinct().Count());
    }

    [Fact]
    public void EveryPoint_CarriesItsSystemsMarker_AndTheLegendShowsTheSameMarker()
    {
        string html = Render(ReportBuilder.Build(EverySystem(), Outcomes.Metadata()));

        var markers = Markers(html);
        var legend = Regex.Matches(html, "<g class=\"legend-item\" data-series=\"(?<series>[^\"]+)\"><path class=\"legend-line\"[^>]*/><path class=\"legend-marker\" data-marker=\"(?<shape>[a-z-]+)\"")
            .Select(m => (m.Groups["series"].Value, m.Groups["shape"].Value)).ToList();
        Assert.Equal(SystemCatalog.All.Count * ((3 * 2) + 3), markers.Count); // 3 client counts, and 3 payloads up and down, per system
        foreach (var marker in markers)
        {
            string shape = MarkerPath.Name(SystemStyles.For(marker.Series).Marker);
            Assert.Equal(shape, marker.Shape);
            Assert.Contains((marker.Series, shape), legend);
            // Baselines' markers are hollow, contenders' filled, so the two read differently at a glance.
            Assert.Equal(SystemCatalog.IsBaseline(marker.Series) ? "#ffffff" : SystemStyles.For(marker.Series).Colour, marker.Fill);
        }
    }

    [Fact]
    public void TheConcurrencyChart_DrawsTheMeasuredClientCountsOnly_NoPointAtTheOrigin()
    {
        var document = HtmlReportMapper.Build(ReportBuilder.Build(EverySystem(), Outcomes.Metadata()));

        var chart = Assert.IsType<LineChart>(document.Sections.Single(s => s.Title == "Concurrency").Charts.Single());
        Assert.All(chart.Series, line => Assert.Equal([1.0, 8.0, 32.0], line.Points.Select(p => p.X)));
        Assert.All(chart.Series, line => Assert.DoesNotContain(line.Points, p => p.X == 0 || p.Y == 0));
        Assert.Empty(document.Sections.Single(s => s.Title == "Concurrency").Notes);
    }

    [Fact]
    public void AConcurrencyOfOneClientCount_IsOneMarkerPerSystem_WithNoLine_AndANoteSayingHowToDrawTheCurve()
    {
        var report = ReportBuilder.Build([Outcomes.Concurrency(SystemCatalog.AkkaRpcTcp, 16, 1_600, 1_000_000_000), Outcomes.Concurrency(SystemCatalog.Http, 16, 800, 1_000_000_000)], Outcomes.Metadata());

        string html = Render(report);

        // The old chart ran a line from an invented (0, 0) to the one measured point.
        Assert.Empty(Paths(html, "series(?: baseline)?", "line"));
        Assert.Equal(2, Markers(html).Count);
        Assert.DoesNotContain("clients: 0,", html);
        Assert.Contains("give --num-parallel-clients several counts", html);
    }

    [Fact]
    public void EveryLine_IsDrawnInItsSystemsStyle_AndItsLegendSampleMatchesIt()
    {
        string html = Render(ReportBuilder.Build(EverySystem(), Outcomes.Metadata()));

        var lines = Paths(html, "series(?: baseline)?", "line");
        var legend = Paths(html, "legend-item", "legend-line");
        Assert.Equal(3 * SystemCatalog.All.Count, lines.Count); // concurrency, upload and download, one line per system each
        foreach (var (series, style) in lines)
        {
            Assert.Equal(SystemStyles.For(series), style);
            Assert.Contains((series, style), legend);
        }
    }

    [Fact]
    public void EveryBar_IsFilledWithItsSystemsColour()
    {
        string html = Render(ReportBuilder.Build(EverySystem(), Outcomes.Metadata()));

        foreach (string key in SystemCatalog.All)
        {
            Assert.Matches($"<g class=\"series\" data-series=\"{key}\"><rect class=\"bar\"[^>]* fill=\"{SystemStyles.For(key).Colour}\"", html);
        }
    }

    [Fact]
    public void ASuitesPage_HasTheSectionsItMeasured_AndSaysWhatWasSkipped()
    {
        var report = ReportBuilder.Build(
            [Outcomes.Latency(SystemCatalog.AkkaRpcTcp, 100_000), Outcomes.Pipelined(SystemCatalog.AkkaRpcTcp, 20_000, 1_000_000_000), Outcomes.Latency(SystemCatalog.RawTcp, 50_000), Outcomes.Pipelined(SystemCatalog.RawTcp, 40_000, 1_000_000_000)],
            Outcomes.Metadata("remote", skipped: new Dictionary<string, string> { [SystemCatalog.AkkaDotNetty] = "the node printed no address for it" }));

        var document = HtmlReportMapper.Build(report);

        Assert.Equal(["Latency", "Pipelined"], document.Sections.Select(s => s.Title));
        Assert.Contains("Skipped akka_dotnetty: the node printed no address for it.", document.Sections[0].Notes);
        Assert.Equal("akkarpc bench remote", document.Title);
    }

    [Fact]
    public void TheClusterSuitesPage_ShowsThroughputAndLatencyByClusterSize_EachClusterInItsStyle_AndTheFailoverKills()
    {
        var report = ReportBuilder.Build([.. Results.ClusterReportBuilderTests.Sizes(), .. Results.ClusterReportBuilderTests.OneDatabase()], Outcomes.Metadata("cluster"));
        var cluster = Results.ClusterReportBuilderTests.Build([.. Results.ClusterReportBuilderTests.Sizes(), .. Results.ClusterReportBuilderTests.OneDatabase()], [new("failover-1", "m1", "m2", 2.5, 4)]);

        var document = HtmlReportMapper.Build(report with { Cluster = cluster });
        string html = Render(report with { Cluster = cluster });

        var section = document.Sections.Single(s => s.Title == "Cluster");
        Assert.DoesNotContain(document.Sections, s => s.Title == "Concurrency"); // the cluster section draws it by cluster size instead
        Assert.Equal(2, section.Charts.Count);
        Assert.Equal(3, section.Tables.Count);
        Assert.Contains(section.Tables[0].Rows, r => r.SequenceEqual(["3", SystemCatalog.Cluster3, "20,000 req/s", "0.200 ms", "0.200 ms", "2.00x"]));
        Assert.Contains(section.Tables[1].Rows, r => r[0] == "128 clients, throughput" && r[3] == "0.80x");
        Assert.Contains(section.Tables[2].Rows, r => r.SequenceEqual(["1", "failover-1", "m1", "m2", "2.500 s", "4"]));
        Assert.Contains("median 2.500 s", section.Tables[2].Caption, StringComparison.Ordinal);
        Assert.Contains(section.Notes, n => n.Contains("akkarpc.cluster.split-brain.stable-after = 2s", StringComparison.Ordinal));
        foreach (string key in new[] { SystemCatalog.Cluster1, SystemCatalog.Cluster2, SystemCatalog.Cluster3 })
        {
            Assert.Matches($"<g class=\"series\" data-series=\"{key}\"><rect class=\"bar\"[^>]* fill=\"{SystemStyles.For(key).Colour}\"", html);
        }
    }

    internal static IReadOnlyList<StepOutcome> EverySystem()
    {
        var outcomes = new List<StepOutcome>();
        int n = 0;
        foreach (string key in SystemCatalog.All)
        {
            n++;
            outcomes.Add(Outcomes.Latency(key, 20_000 * n));
            foreach (int clients in new[] { 1, 8, 32 })
            {
                outcomes.Add(Outcomes.Concurrency(key, clients, 100L * clients * n, 1_000_000_000));
            }

            foreach (int payload in new[] { 1024, 65536, 1048576 })
            {
                outcomes.Add(Outcomes.Bandwidth(key, payload, upload: true, 50_000L * n * (1 + (payload / 65536))));
                outcomes.Add(Outcomes.Bandwidth(key, payload, upload: false, 40_000L * n * (1 + (payload / 65536))));
            }
        }

        return outcomes;
    }

    internal static string Render(RunReport report)
    {
        using var output = new StringWriter();
        HtmlReportWriter.Write(HtmlReportMapper.Build(report), output);
        return output.ToString();
    }

    /// <summary>Every point marker of a line: its series, shape and fill.</summary>
    internal static List<(string Series, string Shape, string Fill)> Markers(string html)
    {
        var markers = new List<(string, string, string)>();
        foreach (Match group in Regex.Matches(html, "<g class=\"series(?: baseline)?\" data-series=\"(?<series>[^\"]+)\">(?<body>.*?)</g>"))
        {
            foreach (Match marker in Regex.Matches(group.Groups["body"].Value, "<path class=\"marker\" data-marker=\"(?<shape>[a-z-]+)\" d=\"[^\"]*\" fill=\"(?<fill>#[0-9a-f]{6})\""))
            {
                markers.Add((group.Groups["series"].Value, marker.Groups["shape"].Value, marker.Groups["fill"].Value));
            }
        }

        return markers;
    }

    /// <summary>Every (series, style) of paths of <paramref name="pathClass"/> inside groups of <paramref name="groupClass"/>: the stroke's colour and dash, and the shape of the marker drawn right after it.</summary>
    internal static List<(string Series, SeriesStyle Style)> Paths(string html, string groupClass, string pathClass) =>
        [.. Regex.Matches(html, $"<g class=\"{groupClass}\" data-series=\"(?<series>[^\"]+)\"><path class=\"{pathClass}\" d=\"[^\"]*\" fill=\"none\" stroke=\"(?<colour>#[0-9a-f]{{6}})\"(?: stroke-dasharray=\"(?<dash>[^\"]+)\")?(?:/>|></path>)<path class=\"(?:legend-)?marker\" data-marker=\"(?<shape>[a-z-]+)\"")
            .Select(m => (m.Groups["series"].Value, new SeriesStyle(m.Groups["colour"].Value, m.Groups["dash"].Success ? m.Groups["dash"].Value : null, Shape(m.Groups["shape"].Value))))];

    private static MarkerShape Shape(string name) => Enum.GetValues<MarkerShape>().Single(shape => MarkerPath.Name(shape) == name);
}
