namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>How one series is drawn: its colour, and for lines its dash pattern, so no two series of a report look alike.</summary>
/// <param name="Colour">The stroke and fill colour, <c>#rrggbb</c>.</param>
/// <param name="Dash">An SVG <c>stroke-dasharray</c> for lines (and their legend sample); null for a solid line.</param>
internal sealed record SeriesStyle(string Colour, string? Dash = null)
{
    /// <summary>The style of a series that gave none: its palette colour by position, solid; a baseline grey and dashed.</summary>
    public static SeriesStyle Default(int index, bool baseline) =>
        baseline ? new SeriesStyle(ChartPalette.Baseline, "6 4") : new SeriesStyle(ChartPalette.Colour(index));
}
