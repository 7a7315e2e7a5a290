using System.Globalization;
using Spectre.Console;

namespace AkkaRpc.Reliability.Reporting;

/// <summary>Prints a run as a Spectre.Console table: attack, outcome, acknowledged writes, rows present, node still serving.</summary>
internal static class ResultTable
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, SuiteReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"akkarpc reliability ({report.Profile}, {report.Seconds:0} s, load average {report.LoadAverage})");
        table.AddColumn("attack");
        table.AddColumn("item");
        table.AddColumn("outcome");
        table.AddColumn(new TableColumn("acknowledged writes").RightAligned());
        table.AddColumn(new TableColumn("rows present").RightAligned());
        table.AddColumn(new TableColumn("lost").RightAligned());
        table.AddColumn("node still serving");
        table.AddColumn(new TableColumn("s").RightAligned());
        foreach (var r in report.Results)
        {
            table.AddRow(
                Markup.Escape(r.Attack),
                Markup.Escape(r.Item),
                Markup.Escape(r.Outcome),
                r.AcknowledgedWrites.ToString(CultureInfo.InvariantCulture),
                r.RowsPresent?.ToString(CultureInfo.InvariantCulture) ?? "?",
                r.LostWrites is null ? "?" : r.LostWrites == 0 ? "0" : $"[red]{r.LostWrites}[/]",
                (r.NodeServing ? "yes" : "[red]no[/]") + (r.ServingNote.Length > 0 ? " " + Markup.Escape(r.ServingNote) : ""),
                r.Seconds.ToString("0.0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
