namespace AkkaRpc.Cli.Benchmarking;

/// <summary>The reported figures of one scenario: those of its median round.</summary>
/// <param name="Name">What was measured; rows with the same name are comparable.</param>
/// <param name="System">The system under test.</param>
/// <param name="Kind">What <paramref name="Value"/> is.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>: <c>ops/s</c> or <c>ns</c>.</param>
/// <param name="Value">Headline figure of the median round.</param>
/// <param name="RatioToFloor"><paramref name="Value"/> divided by the floor row's value for the same name, or <see langword="null"/> when the run has no floor row for it.</param>
/// <param name="RoundValues">Headline figure of every measured round, in the order they ran.</param>
/// <param name="MedianRound">Zero-based index into <paramref name="RoundValues"/> of the reported round.</param>
/// <param name="Operations">Operations in the median round.</param>
/// <param name="ElapsedNs">Timed length of the median round.</param>
/// <param name="OperationsPerSecond">Throughput of the median round.</param>
/// <param name="Latency">Latency figures of the median round, for latency scenarios.</param>
internal sealed record ScenarioResult(
    string Name,
    string System,
    MetricKind Kind,
    string Unit,
    double Value,
    double? RatioToFloor,
    IReadOnlyList<double> RoundValues,
    int MedianRound,
    long Operations,
    long ElapsedNs,
    double OperationsPerSecond,
    LatencySummary? Latency)
{
    /// <summary>Gets half the range of the round values relative to the median, the run's own noise estimate.</summary>
    public double RelativeSpread
    {
        get
        {
            if (RoundValues.Count < 2 || Value == 0)
            {
                return 0;
            }

            return (RoundValues.Max() - RoundValues.Min()) / 2 / Value;
        }
    }
}
