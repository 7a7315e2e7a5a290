using System.Diagnostics;

namespace AkkaRpc.Bench.Metrics;

/// <summary>Accumulates one client's figures while it runs; not thread-safe, one per client.</summary>
internal sealed class MetricsRecorder
{
    private readonly LatencyDistribution _latency = new();
    private readonly Dictionary<string, long> _failures = [];
    private long _successes;
    private long _bytesSent;
    private long _bytesReceived;
    private long _startTimestamp;
    private long _endTimestamp;

    /// <summary>Marks the start of the timed part.</summary>
    public void Start() => _startTimestamp = Stopwatch.GetTimestamp();

    /// <summary>Marks the end of the timed part.</summary>
    public void Stop() => _endTimestamp = Stopwatch.GetTimestamp();

    /// <summary>Records a request that succeeded.</summary>
    public void Success(long startTimestamp, long endTimestamp, long bytesSent, long bytesReceived)
    {
        _latency.RecordElapsed(startTimestamp, endTimestamp);
        _successes++;
        _bytesSent += bytesSent;
        _bytesReceived += bytesReceived;
    }

    /// <summary>Records <paramref name="count"/> requests that failed with <paramref name="kind"/>.</summary>
    public void Failure(string kind, long count = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        _failures[kind] = _failures.GetValueOrDefault(kind) + count;
    }

    /// <summary>Adds what <paramref name="other"/> recorded (requests, not its start and stop): how a pipelined client gathers its lanes.</summary>
    public void Add(MetricsRecorder other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _latency.Merge(other._latency);
        foreach (var (kind, count) in other._failures)
        {
            Failure(kind, count);
        }

        _successes += other._successes;
        _bytesSent += other._bytesSent;
        _bytesReceived += other._bytesReceived;
    }

    /// <summary>Returns the figures recorded so far as one client's.</summary>
    public LoadMetrics ToMetrics()
    {
        long end = _endTimestamp == 0 ? Stopwatch.GetTimestamp() : _endTimestamp;
        long elapsed = _startTimestamp == 0 ? 0 : StopwatchNanoseconds.Between(_startTimestamp, end);
        double rate = elapsed > 0 ? _successes / (elapsed / 1e9) : 0;
        return new LoadMetrics(_latency, _successes, new Dictionary<string, long>(_failures), _bytesSent, _bytesReceived, elapsed, [rate]);
    }

    /// <summary>The failure kind reported for <paramref name="error"/>: its type name, so a report says what went wrong.</summary>
    public static string KindOf(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is AggregateException { InnerException: { } inner } ? inner.GetType().Name : error.GetType().Name;
    }
}
