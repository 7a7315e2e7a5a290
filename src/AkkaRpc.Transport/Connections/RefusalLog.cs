using Akka.Event;

namespace AkkaRpc.Transport.Connections;

/// <summary>
/// Logs refused and failed unauthenticated peers without letting a flood of them flood the log: the first one of an
/// interval is logged in full, the rest of that interval are counted by reason and source and logged as one summary
/// line when the interval ends. With no refusals, no timer runs.
/// </summary>
internal sealed class RefusalLog : IDisposable
{
    // Distinct sources remembered per interval; more are summed as "other", so a spoofing flood cannot grow this map.
    private const int MaxSourcesTracked = 64;

    private readonly ILoggingAdapter _log;
    private readonly string _scheme;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _byReason = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _bySource = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private int _suppressed;
    private bool _disposed;

    public RefusalLog(ILoggingAdapter log, string scheme, TimeSpan interval, TimeProvider timeProvider)
    {
        _log = log;
        _scheme = scheme;
        _interval = interval;
        _timeProvider = timeProvider;
    }

    /// <summary>Logs <paramref name="message"/> now if it is the first of its interval, else counts it under <paramref name="reason"/>.</summary>
    public void Report(string source, string reason, string message)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            if (_timer is null)
            {
                _timer = _timeProvider.CreateTimer(static state => ((RefusalLog)state!).Flush(), this, _interval, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _suppressed++;
                _byReason[reason] = _byReason.GetValueOrDefault(reason) + 1;
                string key = _bySource.Count < MaxSourcesTracked || _bySource.ContainsKey(source) ? source : "other";
                _bySource[key] = _bySource.GetValueOrDefault(key) + 1;
                return;
            }
        }

        _log.Warning("{0} (further refusals in the next {1:0.###} s are summed into one line)", message, _interval.TotalSeconds);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        lock (_lock)
        {
            _disposed = true;
        }
    }

    private void Flush()
    {
        string? summary = null;
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
            if (_suppressed > 0)
            {
                string reasons = string.Join(", ", _byReason.OrderByDescending(p => p.Value).Select(p => $"{p.Value} {p.Key}"));
                string sources = string.Join(", ", _bySource.OrderByDescending(p => p.Value).Take(5).Select(p => $"{p.Key} ({p.Value})"));
                summary = $"AkkaRpc {_scheme}: {_suppressed} more unauthenticated connections were refused or dropped in the last " +
                          $"{_interval.TotalSeconds:0.###} s: {reasons}; top sources: {sources}";
            }

            _suppressed = 0;
            _byReason.Clear();
            _bySource.Clear();
        }

        if (summary is not null)
        {
            _log.Warning(summary);
        }
    }
}
