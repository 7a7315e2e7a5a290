namespace AkkaRpc.Remote;

/// <summary>
/// Akka's phi accrual failure detector: suspicion grows with the time since the last heartbeat, measured against
/// the observed distribution of heartbeat intervals (plus the acceptable pause), so a slow but regular peer is
/// not declared dead while a silent one is.
/// </summary>
internal sealed class PhiAccrualFailureDetector
{
    private const int MaxSamples = 200;
    private static readonly TimeSpan MinStdDeviation = TimeSpan.FromMilliseconds(100);
    private readonly Queue<double> _intervals = new();

    // Heartbeats arrive on the read loop, the verdict is asked for on the heartbeat timer's thread.
    private readonly Lock _gate = new();
    private readonly double _threshold;
    private readonly double _acceptablePauseMs;
    private readonly TimeProvider _time;
    private double _sum;
    private double _squares;
    private long _last;

    public PhiAccrualFailureDetector(double threshold, TimeSpan heartbeatInterval, TimeSpan acceptablePause, TimeProvider time)
    {
        _threshold = threshold;
        _acceptablePauseMs = acceptablePause.TotalMilliseconds;
        _time = time;
        _last = time.GetTimestamp();

        // Akka seeds the history with the expected interval so the first heartbeats are judged sensibly.
        var expected = heartbeatInterval.TotalMilliseconds;
        Add(expected - (expected / 4));
        Add(expected + (expected / 4));
    }

    /// <summary>Records that the peer was heard from now.</summary>
    public void Heartbeat()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            Add(_time.GetElapsedTime(_last, now).TotalMilliseconds);
            _last = now;
        }
    }

    /// <summary>True while the peer is not suspected.</summary>
    public bool IsAvailable => Phi() < _threshold;

    /// <summary>How long it has been silent.</summary>
    public TimeSpan Silence
    {
        get
        {
            lock (_gate)
            {
                return _time.GetElapsedTime(_last);
            }
        }
    }

    public double Phi()
    {
        lock (_gate)
        {
            return PhiLocked();
        }
    }

    private double PhiLocked()
    {
        var elapsed = _time.GetElapsedTime(_last).TotalMilliseconds;
        var mean = (_sum / _intervals.Count) + _acceptablePauseMs;
        var variance = (_squares / _intervals.Count) - ((_sum / _intervals.Count) * (_sum / _intervals.Count));
        var stdDev = Math.Max(Math.Sqrt(Math.Max(variance, 0)), MinStdDeviation.TotalMilliseconds);

        // Akka's logistic approximation of the normal CDF.
        var y = (elapsed - mean) / stdDev;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return elapsed > mean ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }

    private void Add(double interval)
    {
        if (_intervals.Count == MaxSamples)
        {
            var old = _intervals.Dequeue();
            _sum -= old;
            _squares -= old * old;
        }

        _intervals.Enqueue(interval);
        _sum += interval;
        _squares += interval * interval;
    }
}
