using AkkaRpc.Bench.Metrics;

namespace AkkaRpc.Bench.Api;

/// <summary>Latency figures in seconds, as rpycbench's <c>compute_statistics()</c> gives them.</summary>
/// <param name="Count">Measured requests.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Median">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Min">Fastest.</param>
/// <param name="Max">Slowest.</param>
/// <param name="Stdev">Standard deviation.</param>
public sealed record LatencyStatistics(long Count, double Mean, double Median, double P95, double P99, double Min, double Max, double Stdev)
{
    internal static LatencyStatistics From(LatencyStats s) => new(s.Count, s.Mean, s.Median, s.P95, s.P99, s.Min, s.Max, s.Stdev);
}
