using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AkkaRpc.Bench.Reporting.Html;

namespace AkkaRpc.Bench.Tests.Reporting;

public sealed class HtmlReportWriterTests
{
    private const string Evil = "<b>x</b>";

    [Fact]
    public void Write_EscapesEveryTextTheDocumentCarries()
    {
        var table = new ReportTable([Evil, Evil], [[Evil, Evil]]) { Caption = Evil };
        var bars = new BarChart(Evil, [Evil], [new BarSeries(Evil, [1.0])], new ChartAxis(Evil, Evil)) { Caption = Evil };
        var lines = new LineChart(Evil, new ChartAxis(Evil, Evil), new ChartAxis(Evil, Evil), [new LineSeries(Evil, [new ChartPoint(1, 2)])]);
        var document = new ReportDocument(Evil, [new ReportSection(Evil) { Notes = [Evil], Charts = [bars, lines], Tables = [table] }, new ReportSection(Evil)])
        {
            Subtitle = Evil,
            RunFacts = [new ReportFact(Evil, Evil)],
            Highlights = [new ReportHighlight(Evil, Evil, Evil)],
        };

        string html = Render(document);

        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", html);
        // Every one of the 30-odd texts above arrives escaped; attribute copies (aria-label, data-series) too.
        Assert.True(Regex.Count(html, "&lt;b&gt;x&lt;/b&gt;") >= 30, html);
    }

    [Fact]
    public void Write_PageReferencesNothingOutsideItself()
    {
        string html = Render(SampleReports.Realistic());

        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain(" src=", html);
        // The only links are the table of contents' anchors within the page.
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\""), m => Assert.StartsWith("#section-", m.Groups[1].Value));
    }

    [Fact]
    public void Write_LinearBars_AreAsTallAsTheirValues()
    {
        var chart = new BarChart("Ops", ["a", "b", "c"], [new BarSeries("s", [25.0, 50.0, 100.0])], new ChartAxis("Ops", "op/s"));

        string html = Render(Single(chart));

        double[] heights = Regex.Matches(html, "<rect class=\"bar\"[^>]* height=\"([0-9.]+)\"")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, heights.Length);
        Assert.Equal(heights[2] / 4, heights[0], 1);
        Assert.Equal(heights[2] / 2, heights[1], 1);
        Assert.Contains("<title>c · s: 100 op/s</title>", html);
    }

    [Fact]
    public void Write_LineSeries_IsDrawnInAscendingXAndSkipsPointsALogAxisCannotShow()
    {
        var series = new LineSeries("AkkaRpc TCP", [new ChartPoint(100, 3), new ChartPoint(0, 9), new ChartPoint(1, 1), new ChartPoint(10, 2)]);
        var chart = new LineChart("t", new ChartAxis("Clients", "", AxisScale.Log), new ChartAxis("Rate", "req/s"), [series]);

        string html = Render(Single(chart));

        string path = Regex.Match(html, "<path class=\"line\" d=\"([^\"]*)\"").Groups[1].Value;
        double[] xs = Regex.Matches(path, "[ML]([0-9.]+) ").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, xs.Length);
        Assert.True(xs[0] < xs[1] && xs[1] < xs[2], path);
        Assert.Equal(3, Regex.Count(html, "<path class=\"marker\""));
        Assert.Contains("<title>AkkaRpc TCP — Clients: 10, Rate: 2 req/s</title>", html);
    }

    [Fact]
    public void Write_SeriesWithoutAStyle_EachGetAColourDashAndMarkerOfTheirOwn_BaselinesHollow()
    {
        // Before, every baseline without a style was the same grey dash: two floors could not be told apart.
        var chart = new LineChart("t", new ChartAxis("x", ""), new ChartAxis("y", ""),
        [
            new LineSeries("measured", [new ChartPoint(1, 1), new ChartPoint(2, 2)]),
            new LineSeries("floor", [new ChartPoint(1, 2), new ChartPoint(2, 4)]) { IsBaseline = true },
            new LineSeries("other floor", [new ChartPoint(1, 3), new ChartPoint(2, 5)]) { IsBaseline = true },
        ]);

        string html = Render(Single(chart));

        var lines = HtmlReportMapperTests.Paths(html, "series(?: baseline)?", "line");
        Assert.Equal(["measured", "floor", "other floor"], lines.Select(l => l.Series));
        Assert.Equal(3, lines.Select(l => l.Style.Colour).Distinct().Count());
        Assert.Equal(3, lines.Select(l => l.Style.Dash ?? "solid").Distinct().Count());
        var markers = HtmlReportMapperTests.Markers(html);
        Assert.Equal(3, markers.Select(m => m.Shape).Distinct().Count());
        Assert.All(markers.Where(m => m.Series != "measured"), m => Assert.Equal("#ffffff", m.Fill));
        Assert.All(markers.Where(m => m.Series == "measured"), m => Assert.Equal(ChartPalette.Colour(0), m.Fill));
        Assert.Contains("class=\"legend-marker\" data-marker=\"triangle-up\"", html);
    }

    [Fact]
    public void Write_ChartWithoutData_SaysSo()
    {
        var chart = new LineChart("empty", new ChartAxis("x", ""), new ChartAxis("y", "", AxisScale.Log), [new LineSeries("s", [new ChartPoint(1, 0)])]);

        Assert.Contains(">No data</text>", Render(Single(chart)));
    }

    [Fact]
    public void Write_BarSeriesOfTheWrongLength_IsRefusedNamingIt()
    {
        var chart = new BarChart("Latency", ["TCP", "Unix"], [new BarSeries("p99", [1.0])], new ChartAxis("Latency", "µs"));

        var error = Assert.Throws<ArgumentException>(() => Render(Single(chart)));
        Assert.Contains("series \"p99\" has 1 values for 2 categories", error.Message);
    }

    [Fact]
    public void Write_TableRowOfTheWrongLength_IsRefusedNamingIt()
    {
        var table = new ReportTable(["System", "p50"], [["TCP", "42"], ["Unix"]]) { Caption = "Latency" };
        var document = new ReportDocument("r", [new ReportSection("s") { Tables = [table] }]);

        var error = Assert.Throws<ArgumentException>(() => Render(document));
        Assert.Contains("table \"Latency\": row 2 has 1 cells for 2 headers", error.Message);
    }

    [Fact]
    public async Task WriteAsync_WritesTheSamePageAsUtf8WithoutAByteOrderMark()
    {
        ReportDocument document = SampleReports.Realistic();
        using var stream = new MemoryStream();

        await HtmlReportWriter.WriteAsync(document, stream);

        byte[] bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(Render(document), Encoding.UTF8.GetString(bytes));
    }

    private static ReportDocument Single(ReportChart chart) => new("r", [new ReportSection("s") { Charts = [chart] }]);

    private static string Render(ReportDocument document)
    {
        var writer = new StringWriter();
        HtmlReportWriter.Write(document, writer);
        return writer.ToString();
    }
}
