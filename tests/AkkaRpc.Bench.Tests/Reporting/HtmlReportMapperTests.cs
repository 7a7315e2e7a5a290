using System.Text.RegularExpressions;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Reporting;
using AkkaRpc.Bench.Reporting.Html;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;

namespace AkkaRpc.Bench.Tests.Reporting;

/// <summary>A run's report as a page: every system told apart by its own colour and dash, the same in every chart and legend.</summary>
public sealed class HtmlReportMapperTests
{
    [Fact]
    public void EverySystem_HasAColourAndADashOfItsOwn()
    {
        var styles = SystemCatalog.All.Select(SystemStyles.For).ToList();

        Assert.Equal(styles.Count, styles.Select(s => s.Colour).Distinct().Count());
        Assert.Equal(styles.Count, styles.Select(s => s.Dash ?? "solid").Distinct().Count());
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

    internal static IReadOnlyList<StepOutcome> EverySystem()
    {
        var outcomes = new List<StepOutcome>();
        int n = 0;
        foreach (string key in SystemCatalog.All)
        {
            n++;
            outcomes.Add(Outcomes.Latency(key, 20_000 * n));
            outcomes.Add(Outcomes.Concurrency(key, 16, 1_600 * n, 1_000_000_000));
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

    /// <summary>Every (series, stroke style) of paths of <paramref name="pathClass"/> inside groups of <paramref name="groupClass"/>.</summary>
    internal static List<(string Series, SeriesStyle Style)> Paths(string html, string groupClass, string pathClass) =>
        [.. Regex.Matches(html, $"<g class=\"{groupClass}\" data-series=\"(?<series>[^\"]+)\"><path class=\"{pathClass}\" d=\"[^\"]*\" fill=\"none\" stroke=\"(?<colour>#[0-9a-f]{{6}})\"(?: stroke-dasharray=\"(?<dash>[^\"]+)\")?(?:/>|></path>)")
            .Select(m => (m.Groups["series"].Value, new SeriesStyle(m.Groups["colour"].Value, m.Groups["dash"].Success ? m.Groups["dash"].Value : null)))];
}
