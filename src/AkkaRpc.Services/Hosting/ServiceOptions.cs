namespace AkkaRpc.Services;

/// <summary>How a hosted service's actor queues calls and which failures restart it.</summary>
public sealed class ServiceOptions
{
    /// <summary>Gets or sets how many calls may wait (all callers together); one more is answered <see cref="ServiceBusyException"/> at once.</summary>
    public int MaxQueuedCalls { get; set; } = 1000;

    /// <summary>Gets or sets the longest lease an exclusive session may ask for.</summary>
    public TimeSpan MaxSessionLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets which exceptions leave the service instance unusable: the caller still gets the error, then the
    /// actor restarts with a new instance (calls still queued get "did not run" and are resent by their clients). Null,
    /// the default: none; every exception is only the caller's error and the instance keeps serving.
    /// </summary>
    public Func<Exception, bool>? IsFatal { get; set; }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (MaxQueuedCalls < 1)
        {
            throw new ArgumentException($"ServiceOptions.MaxQueuedCalls must be at least 1 (it is {MaxQueuedCalls}).");
        }

        if (MaxSessionLease <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ServiceOptions.MaxSessionLease must be positive (it is {MaxSessionLease}).");
        }
    }
}
