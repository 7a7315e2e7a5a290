using Spectre.Console;

namespace AkkaRpc.Cli.Benchmarking;

/// <summary>Renders a <see cref="BenchmarkReport"/> as a Spectre.Console table, one row per scenario.</summary>
internal static class ResultTable
{
    /// <summary>Builds the table; <paramref name="note"/> is added to the title, e.g. to say which rows are still to come.</summary>
    public static Table Build(BenchmarkReport report, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        BenchmarkSettingsSnapshot settings = report.Settings;
        string title =
            $"[bold]akkarpc bench {Markup.Escape(report.Suite)}[/] — median of {settings.Rounds} round(s) × " +
            $"{Figures.Duration(settings.RoundDurationMs * 1e6)}, floor = [bold]{Markup.Escape(report.Floor)}[/]";
        if (note is not null)
        {
            title += "\n" + Markup.Escape(note);
        }

        BenchmarkEnvironment env = report.Environment;
        string caption =
            $"{Markup.Escape(env.Runtime)} · {Markup.Escape(env.Os)} {Markup.Escape(env.Architecture)} · " +
            $"{env.ProcessorCount} cores · {(env.ServerGc ? "server" : "workstation")} GC · {env.Configuration} build" +
            (env.Configuration == "Release" ? string.Empty : " [red](figures not representative)[/]") +
            "\nratio = row ÷ floor: below 1× is slower for throughput, above 1× is slower for latency";

        var table = new Table()
            .Border(TableBorder.Rounded)
            .Title(new TableTitle(title))
            .Caption(new TableTitle(caption))
            .AddColumn(new TableColumn("Scenario"))
            .AddColumn(new TableColumn("System"))
            .AddColumn(new TableColumn("Median").RightAligned())
            .AddColumn(new TableColumn("Ratio to floor").RightAligned())
            .AddColumn(new TableColumn("Round spread").RightAligned())
            .AddColumn(new TableColumn("p95").RightAligned())
            .AddColumn(new TableColumn("p99").RightAligned())
            .AddColumn(new TableColumn("p99.9").RightAligned())
            .AddColumn(new TableColumn("Ops in round").RightAligned());

        foreach (ScenarioResult row in report.Results)
        {
            bool isFloor = string.Equals(row.System, report.Floor, StringComparison.Ordinal);
            string system = isFloor ? $"{Markup.Escape(row.System)} [dim](floor)[/]" : Markup.Escape(row.System);
            LatencySummary? latency = row.Latency;
            table.AddRow(
                Markup.Escape(row.Name),
                system,
                Markup.Escape(Headline(row)),
                Markup.Escape(Figures.Ratio(row.RatioToFloor)),
                Markup.Escape(Figures.Spread(row.RelativeSpread)),
                Markup.Escape(latency is null ? "–" : Figures.Duration(latency.P95Ns)),
                Markup.Escape(latency is null ? "–" : Figures.Duration(latency.P99Ns)),
                Markup.Escape(latency is null ? "–" : Figures.Duration(latency.P999Ns)),
                Markup.Escape(Figures.Count(row.Operations)));
        }

        return table;
    }

    private static string Headline(ScenarioResult row) => row.Kind switch
    {
        MetricKind.Throughput => Figures.Rate(row.Value) + " ops/s",
        MetricKind.Latency => Figures.Duration(row.Value) + " p50",
        _ => row.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
