namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>One bar per category of a <see cref="BarChart"/>, drawn in one colour.</summary>
/// <param name="Name">The legend entry, e.g. "p99".</param>
/// <param name="Values">One value per category, in the chart's category order; null where nothing was measured.</param>
internal sealed record BarSeries(string Name, IReadOnlyList<double?> Values)
{
    /// <summary>The colour of this series, the same in every chart of a report; null for the palette's colour at its position.</summary>
    public SeriesStyle? Style { get; init; }
}
