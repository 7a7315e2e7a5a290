namespace AkkaRpc.Bench.Metrics;

/// <summary>Latency figures in seconds, as rpycbench reports them.</summary>
/// <param name="Count">Number of timed requests.</param>
/// <param name="Mean">Exact mean.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Min">Fastest.</param>
/// <param name="Max">Slowest.</param>
/// <param name="Stdev">Population standard deviation.</param>
internal sealed record LatencyStats(long Count, double Mean, double Median, double P95, double P99, double Min, double Max, double Stdev)
{
    private const double SecondsPerNanosecond = 1e-9;

    /// <summary>Converts a histogram's figures to seconds.</summary>
    public static LatencyStats From(LatencyDistribution histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        LatencySummary s = histogram.Summarize();
        return new LatencyStats(
            s.Count,
            s.MeanNs * SecondsPerNanosecond,
            s.P50Ns * SecondsPerNanosecond,
            s.P95Ns * SecondsPerNanosecond,
            s.P99Ns * SecondsPerNanosecond,
            s.MinNs * SecondsPerNanosecond,
            s.MaxNs * SecondsPerNanosecond,
            s.StdDevNs * SecondsPerNanosecond);
    }
}
