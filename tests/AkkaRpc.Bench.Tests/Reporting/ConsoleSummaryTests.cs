using AkkaRpc.Bench.Reporting;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;
using Spectre.Console;

namespace AkkaRpc.Bench.Tests.Reporting;

/// <summary>The one table, for every suite: the figures measured, skipped systems with their reason, the ratios, the build.</summary>
public sealed class ConsoleSummaryTests
{
    [Fact]
    public void TheTable_ShowsOnlyWhatTheSuiteMeasured_AndEachSkippedSystemWithItsReason()
    {
        var skipped = new Dictionary<string, string> { [SystemCatalog.AkkaDotNetty] = "the node printed no address for it" };
        var report = ReportBuilder.Build(
            [
                Outcomes.Latency(SystemCatalog.AkkaRpcTcp, 100_000), Outcomes.Pipelined(SystemCatalog.AkkaRpcTcp, 20_000, 1_000_000_000),
                Outcomes.Latency(SystemCatalog.RawTcp, 50_000), Outcomes.Pipelined(SystemCatalog.RawTcp, 40_000, 1_000_000_000),
            ],
            Outcomes.Metadata("remote", skipped: skipped));

        string text = Render(report);

        Assert.Contains("akkarpc bench remote", text, StringComparison.Ordinal);
        Assert.Contains("pipelined", text, StringComparison.Ordinal);
        Assert.Contains("20,000 req/s, 64 in flight", text, StringComparison.Ordinal);
        Assert.DoesNotContain("connect", text, StringComparison.Ordinal);
        Assert.DoesNotContain("upload", text, StringComparison.Ordinal);
        Assert.Contains("akka_dotnetty", text, StringComparison.Ordinal);
        Assert.Contains("skipped: the node printed no address for it", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("akka_dotnetty", StringComparison.Ordinal) < text.IndexOf("raw_tcp", StringComparison.Ordinal), "a skipped system sits where it would have run");
        Assert.Contains("0.50x", text, StringComparison.Ordinal); // pipelined vs the raw floor
        Assert.Contains("note: a note", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCaption_NamesTheMachineAndBuild_AndWarnsAboutDebugAndQuickFigures()
    {
        var report = ReportBuilder.Build([Outcomes.Latency(SystemCatalog.RawTcp, 50_000)], Outcomes.Metadata() with { Configuration = "Debug" });

        string text = Render(report);

        Assert.Contains("2 cores", text, StringComparison.Ordinal);
        Assert.Contains("Debug build (figures not representative)", text, StringComparison.Ordinal);
        Assert.Contains("--quick (not for figures you quote)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralRounds_ShowTheMedianAndTheSpread()
    {
        var report = ReportBuilder.Build(
            [Outcomes.Latency(SystemCatalog.InProcess, 10_000, round: 1), Outcomes.Latency(SystemCatalog.InProcess, 12_000, round: 2), Outcomes.Latency(SystemCatalog.InProcess, 14_000, round: 3)],
            Outcomes.Metadata("owner", rounds: 3));

        string text = Render(report);

        Assert.Contains("median of 3 rounds", text, StringComparison.Ordinal);
        Assert.Contains("±16.7%", text, StringComparison.Ordinal);
    }

    private static string Render(RunReport report)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        ConsoleSummary.Write(console, report);

        // A caption wider than its table wraps: join the lines so a phrase reads whole.
        return System.Text.RegularExpressions.Regex.Replace(writer.ToString(), @"\s+", " ");
    }
}
