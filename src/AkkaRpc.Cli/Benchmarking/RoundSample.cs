namespace AkkaRpc.Cli.Benchmarking;

/// <summary>What one round of a scenario measured.</summary>
/// <param name="Operations">Operations completed inside the timed section.</param>
/// <param name="ElapsedNs">Length of the timed section in nanoseconds.</param>
/// <param name="Latency">Per-operation latencies, for latency scenarios; <see langword="null"/> otherwise.</param>
internal sealed record RoundSample(long Operations, long ElapsedNs, LatencyHistogram? Latency)
{
    /// <summary>Gets operations per second over the timed section.</summary>
    public double OperationsPerSecond => ElapsedNs <= 0 ? 0 : Operations * 1e9 / ElapsedNs;

    /// <summary>Gets the figure rounds are ranked by: throughput, or median latency in nanoseconds.</summary>
    public double HeadlineFor(MetricKind kind) => kind switch
    {
        MetricKind.Throughput => OperationsPerSecond,
        MetricKind.Latency => Latency?.ValueAtPercentile(50) ?? 0,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
