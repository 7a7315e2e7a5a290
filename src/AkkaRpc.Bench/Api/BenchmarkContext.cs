using System.Diagnostics;
using AkkaRpc.Bench.Metrics;

namespace AkkaRpc.Bench.Api;

/// <summary>
/// Times an application's own calls, as rpycbench's <c>BenchmarkContext</c> does: wrap a call in
/// <see cref="MeasureRequest"/>, say how it went with <see cref="RecordRequest"/>, and compare the figures with a
/// baseline measured by <c>akkarpc bench</c>. Thread-safe, so concurrent calls can share one context.
/// </summary>
public sealed class BenchmarkContext
{
    private readonly Lock _gate = new();
    private readonly LatencyDistribution _latency = new();
    private readonly LatencyDistribution _connections = new();
    private long _total;
    private long _failed;
    private long _bytesSent;
    private long _bytesReceived;

    /// <summary>Initializes a context.</summary>
    /// <param name="name">What is measured, e.g. "orders lookup".</param>
    /// <param name="protocol">Through what, e.g. "akkarpc" or "http".</param>
    public BenchmarkContext(string name, string protocol)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        Name = name;
        Protocol = protocol;
    }

    /// <summary>Gets what is measured.</summary>
    public string Name { get; }

    /// <summary>Gets through what.</summary>
    public string Protocol { get; }

    /// <summary>Times the code until the returned scope is disposed; its payload sizes count towards bandwidth.</summary>
    public IDisposable MeasureRequest(long bytesSent = 0, long bytesReceived = 0) =>
        new Scope(this, Stopwatch.GetTimestamp(), (start, end) => AddRequest(start, end, bytesSent, bytesReceived));

    /// <summary>Times opening a connection until the returned scope is disposed.</summary>
    public IDisposable MeasureConnection() =>
        new Scope(this, Stopwatch.GetTimestamp(), (start, end) =>
        {
            lock (_gate)
            {
                _connections.RecordElapsed(start, end);
            }
        });

    /// <summary>Counts one request and whether it succeeded.</summary>
    public void RecordRequest(bool success)
    {
        lock (_gate)
        {
            _total++;
            if (!success)
            {
                _failed++;
            }
        }
    }

    /// <summary>Returns the figures so far.</summary>
    public BenchmarkMetrics GetResults()
    {
        lock (_gate)
        {
            var latency = _latency.Copy();
            var connections = _connections.Copy();
            double seconds = _latency.Mean * _latency.Count / 1e9;
            return new BenchmarkMetrics(
                Name,
                Protocol,
                _total,
                _failed,
                _latency.Count == 0 ? null : LatencyStatistics.From(LatencyStats.From(latency)),
                _connections.Count == 0 ? null : LatencyStatistics.From(LatencyStats.From(connections)),
                seconds > 0 ? _bytesSent / seconds : 0,
                seconds > 0 ? _bytesReceived / seconds : 0);
        }
    }

    private void AddRequest(long start, long end, long sent, long received)
    {
        lock (_gate)
        {
            _latency.RecordElapsed(start, end);
            _bytesSent += sent;
            _bytesReceived += received;
        }
    }

    private sealed class Scope(BenchmarkContext owner, long start, Action<long, long> complete) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            // Disposing twice records once, so a using block plus an explicit Dispose never double counts.
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                GC.KeepAlive(owner);
                complete(start, Stopwatch.GetTimestamp());
            }
        }
    }
}
