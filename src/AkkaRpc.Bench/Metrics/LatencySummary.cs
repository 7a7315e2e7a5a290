namespace AkkaRpc.Bench.Metrics;

/// <summary>The latency figures of one round, all in nanoseconds.</summary>
/// <param name="Count">Number of recorded round trips.</param>
/// <param name="MinNs">Fastest round trip.</param>
/// <param name="MaxNs">Slowest round trip.</param>
/// <param name="MeanNs">Exact arithmetic mean.</param>
/// <param name="StdDevNs">Exact population standard deviation.</param>
/// <param name="P50Ns">Median (nearest rank, within 1/128 relative).</param>
/// <param name="P95Ns">95th percentile.</param>
/// <param name="P99Ns">99th percentile.</param>
/// <param name="P999Ns">99.9th percentile.</param>
internal sealed record LatencySummary(
    long Count,
    long MinNs,
    long MaxNs,
    double MeanNs,
    double StdDevNs,
    long P50Ns,
    long P95Ns,
    long P99Ns,
    long P999Ns);
