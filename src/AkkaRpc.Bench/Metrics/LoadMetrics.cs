namespace AkkaRpc.Bench.Metrics;

/// <summary>What one or more simulated clients measured: latencies, outcomes and bytes moved.</summary>
/// <param name="Latency">Latency of every timed request that succeeded, in nanoseconds.</param>
/// <param name="Successes">Requests that succeeded.</param>
/// <param name="Failures">Requests that failed, by kind (the exception's type name, or <c>connect</c>).</param>
/// <param name="BytesSent">Payload bytes sent by timed requests.</param>
/// <param name="BytesReceived">Payload bytes received by timed requests.</param>
/// <param name="ElapsedNs">Wall time of the timed part; for merged figures, the longest client's.</param>
/// <param name="ClientRates">Successful requests per second of each client, one entry per client.</param>
internal sealed record LoadMetrics(
    LatencyDistribution Latency,
    long Successes,
    IReadOnlyDictionary<string, long> Failures,
    long BytesSent,
    long BytesReceived,
    long ElapsedNs,
    IReadOnlyList<double> ClientRates)
{
    /// <summary>Figures of nothing: the identity of <see cref="Merge"/>.</summary>
    public static LoadMetrics Empty => new(new LatencyDistribution(), 0, new Dictionary<string, long>(), 0, 0, 0, []);

    /// <summary>Gets the number of failed requests of every kind.</summary>
    public long FailureCount => Failures.Values.Sum();

    /// <summary>Returns the union of both figures; neither input changes.</summary>
    public LoadMetrics Merge(LoadMetrics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var merger = new MetricsMerger();
        merger.Add(this);
        merger.Add(other);
        return merger.ToMetrics();
    }
}
