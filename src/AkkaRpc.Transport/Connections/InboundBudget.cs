namespace AkkaRpc.Transport.Connections;

/// <summary>
/// The node-wide budget for received bytes of large frames that are not yet handed to Akka.Remote. A connection
/// reserves a frame's whole declared size once its header arrives; a frame that does not fit waits, with its socket
/// unread, until enough is released, so hostile or stalled peers cannot make the node allocate past the budget.
/// </summary>
internal sealed class InboundBudget
{
    /// <summary>Frames up to this size (header included) need no reservation: an Akka.Remote frame is usually far smaller.</summary>
    public const int UnbudgetedFrameSize = 64 * 1024;

    private readonly Lock _lock = new();
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _limit;
    private long _reserved;

    public InboundBudget(long limit) => _limit = limit;

    /// <summary>Gets the budget in bytes.</summary>
    public long Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    /// <summary>Gets the bytes reserved now.</summary>
    public long Reserved
    {
        get
        {
            lock (_lock)
            {
                return _reserved;
            }
        }
    }

    /// <summary>Lowers the budget to <paramref name="limit"/> if that is smaller (a second transport with a smaller setting).</summary>
    public void LowerTo(long limit)
    {
        lock (_lock)
        {
            _limit = Math.Min(_limit, limit);
        }
    }

    /// <summary>Reserves <paramref name="bytes"/> if they fit now.</summary>
    public bool TryReserve(long bytes)
    {
        lock (_lock)
        {
            return TryReserveLocked(bytes);
        }
    }

    /// <summary>
    /// Waits until <paramref name="bytes"/> fit and reserves them; returns false, reserving nothing, if
    /// <paramref name="abandoned"/> completes first (the connection is closing).
    /// </summary>
    public async Task<bool> ReserveAsync(long bytes, Task abandoned)
    {
        while (true)
        {
            Task released;
            lock (_lock)
            {
                if (TryReserveLocked(bytes))
                {
                    return true;
                }

                // Taken under the lock with the failed attempt, so a release after it always wakes this waiter.
                released = _released.Task;
            }

            if (await Task.WhenAny(released, abandoned).ConfigureAwait(false) == abandoned)
            {
                return false;
            }
        }
    }

    /// <summary>Returns <paramref name="bytes"/> to the budget and wakes every waiter to try again.</summary>
    public void Release(long bytes)
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            _reserved -= bytes;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    private bool TryReserveLocked(long bytes)
    {
        // A frame bigger than the whole budget could never fit; settings validation rules that out, but never deadlock.
        if (_reserved + bytes > _limit && _reserved > 0)
        {
            return false;
        }

        _reserved += bytes;
        return true;
    }
}
