namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>One line of a <see cref="LineChart"/>.</summary>
/// <param name="Name">The legend entry, e.g. "AkkaRpc TCP".</param>
/// <param name="Points">The measured points; drawn in ascending x whatever their order here.</param>
internal sealed record LineSeries(string Name, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>
    /// True for a reference the other lines are judged against (a machine floor such as raw socket ping-pong): drawn
    /// with hollow markers (in its legend sample too) so it reads as a yardstick, not a contender.
    /// </summary>
    public bool IsBaseline { get; init; }

    /// <summary>The colour and dash of this series, the same in every chart of a report; null for the palette's next colour.</summary>
    public SeriesStyle? Style { get; init; }
}
