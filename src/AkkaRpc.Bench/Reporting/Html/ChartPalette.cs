namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Series colours: Tableau 10, chosen to stay distinct for the common colour-vision deficiencies and in print.</summary>
internal static class ChartPalette
{
    private static readonly string[] s_colours =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ];

    /// <summary>The colour of the series at <paramref name="index"/> in legend order; repeats after ten.</summary>
    public static string Colour(int index) => s_colours[index % s_colours.Length];
}
