namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>How one series is drawn: its colour, and for lines its dash pattern and point marker, so no two series of a report look alike.</summary>
/// <param name="Colour">The stroke and fill colour, <c>#rrggbb</c>.</param>
/// <param name="Dash">An SVG <c>stroke-dasharray</c> for lines (and their legend sample); null for a solid line.</param>
/// <param name="Marker">The shape drawn at each measured point of a line and in its legend sample.</param>
internal sealed record SeriesStyle(string Colour, string? Dash = null, MarkerShape Marker = MarkerShape.Circle)
{
    private static readonly string?[] s_dashes = [null, "14 4", "7 5", "3 4", "14 4 3 4", "3 4 10 4", "10 3 3 3 3 3", "1 4", "8 3 1 3", "12 2", "2 2", "6 2 2 2"];

    /// <summary>
    /// The style of a series that gave none, by its position: the palette's colour, a dash pattern and a marker of its
    /// own (ten colours, twelve dashes and markers before any repeats), whether it is a baseline or not, so two baselines never look alike.
    /// </summary>
    public static SeriesStyle Default(int index) =>
        new(ChartPalette.Colour(index), s_dashes[index % s_dashes.Length], (MarkerShape)(index % (int)(MarkerShape.TriangleRight + 1)));
}
