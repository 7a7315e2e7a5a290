namespace AkkaRpc.Bench.Metrics;

/// <summary>
/// Adds up many clients' figures into one: latency histograms bucket by bucket (so the merged percentiles are those of
/// every request), counts and bytes summed, the longest elapsed time, every client's rate kept. One accumulator for a
/// whole share or step, because a merge that copied its inputs each time would allocate a histogram per client.
/// </summary>
internal sealed class MetricsMerger
{
    private readonly LatencyDistribution _latency = new();
    private readonly Dictionary<string, long> _failures = [];
    private readonly List<double> _rates = [];
    private long _successes;
    private long _bytesSent;
    private long _bytesReceived;
    private long _elapsedNs;

    /// <summary>Adds <paramref name="metrics"/>; it does not change.</summary>
    public MetricsMerger Add(LoadMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _latency.Merge(metrics.Latency);
        foreach (var (kind, count) in metrics.Failures)
        {
            _failures[kind] = _failures.GetValueOrDefault(kind) + count;
        }

        _rates.AddRange(metrics.ClientRates);
        _successes += metrics.Successes;
        _bytesSent += metrics.BytesSent;
        _bytesReceived += metrics.BytesReceived;
        _elapsedNs = Math.Max(_elapsedNs, metrics.ElapsedNs);
        return this;
    }

    /// <summary>Returns the figures added so far, as a copy later additions do not change.</summary>
    public LoadMetrics ToMetrics() =>
        new(_latency.Copy(), _successes, new Dictionary<string, long>(_failures), _bytesSent, _bytesReceived, _elapsedNs, [.. _rates]);

    /// <summary>Returns the union of <paramref name="metrics"/>.</summary>
    public static LoadMetrics MergeAll(IEnumerable<LoadMetrics> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var merger = new MetricsMerger();
        foreach (var m in metrics)
        {
            merger.Add(m);
        }

        return merger.ToMetrics();
    }
}
