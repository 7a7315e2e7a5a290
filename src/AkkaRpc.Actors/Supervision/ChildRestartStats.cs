namespace AkkaRpc.Actors;

/// <summary>A child and the restarts counted against its supervisor's retry limit.</summary>
internal sealed class ChildRestartStats(ActorCell child)
{
    private long _windowStart;
    private bool _windowStarted;

    public ActorCell Child { get; } = child;

    public int RestartCount { get; private set; }

    /// <summary>Akka's rule: may the child restart once more within <paramref name="maxNrOfRetries"/> per window?</summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan withinTimeRange, TimeProvider time)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        var hasWindow = withinTimeRange > TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan;
        if (!hasWindow)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }

            RestartCount++;
            return RestartCount <= maxNrOfRetries;
        }

        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = time.GetTimestamp();
        if (!_windowStarted)
        {
            _windowStarted = true;
            _windowStart = now;
        }

        if (time.GetElapsedTime(_windowStart, now) <= withinTimeRange)
        {
            RestartCount++;
            return RestartCount <= retries;
        }

        _windowStart = now;
        RestartCount = 1;
        return true;
    }
}
