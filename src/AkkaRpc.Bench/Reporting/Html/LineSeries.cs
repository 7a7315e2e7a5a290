namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>One line of a <see cref="LineChart"/>.</summary>
/// <param name="Name">The legend entry, e.g. "AkkaRpc TCP".</param>
/// <param name="Points">The measured points; drawn in ascending x whatever their order here.</param>
internal sealed record LineSeries(string Name, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>
    /// True for a reference the other lines are judged against (a machine floor such as raw socket
    /// ping-pong): drawn dashed and grey so it reads as a yardstick, not a contender.
    /// </summary>
    public bool IsBaseline { get; init; }
}
