namespace AkkaRpc.Sqlite;

/// <summary>
/// The recent failures of one database, kept by its supervisor across owner restarts: the supervisor records a
/// failure when it decides, and the restarted owner reads the count to pick its reopen delay.
/// </summary>
internal sealed class FailureHistory(DatabasesOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _consecutive;
    private long _lastAt;
    private string? _last;
    private volatile bool _reopening;

    /// <summary>The last failure's message, or null if none is recent.</summary>
    public string? LastFailure
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>True while the owner waits out its backoff delay before reopening; set and cleared by the owner, read by the supervisor.</summary>
    public bool IsReopening
    {
        get => _reopening;
        set => _reopening = value;
    }

    public void Record(Exception cause)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();

            // A failure long after the previous one starts a new streak.
            if (_consecutive > 0 && time.GetElapsedTime(_lastAt, now) > options.FailureWindow)
            {
                _consecutive = 0;
            }

            _consecutive++;
            _lastAt = now;
            _last = Describe(cause);
        }
    }

    /// <summary>The delay before the next reopen: min, 2·min, 4·min, ... capped at max.</summary>
    public TimeSpan NextDelay()
    {
        lock (_gate)
        {
            var exponent = Math.Clamp(_consecutive - 1, 0, 30);
            var ticks = Math.Min(options.MaxBackoff.Ticks, options.MinBackoff.Ticks * Math.Pow(2, exponent));
            return TimeSpan.FromTicks((long)ticks);
        }
    }

    private static string Describe(Exception cause)
    {
        // The kernel wraps a failure in PreStart; the database's own reason is the useful part.
        var inner = cause is AkkaRpc.Actors.ActorInitializationException { InnerException: { } e } ? e : cause;
        return inner is DatabaseFailedException failed ? failed.Message : $"{inner.GetType().Name}: {inner.Message}";
    }
}
