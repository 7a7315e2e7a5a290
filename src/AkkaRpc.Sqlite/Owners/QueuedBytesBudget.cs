namespace AkkaRpc.Sqlite;

/// <summary>
/// The memory budget all owners' mailboxes share (<see cref="DatabasesOptions.MaxQueuedBytes"/>): a request is queued
/// only if its estimated size (<see cref="RequestMemory"/>) still fits, so clients that flood the node with large
/// requests are refused at once instead of growing it until the machine runs out of memory.
/// </summary>
internal sealed class QueuedBytesBudget(long limit)
{
    private long _used;

    /// <summary>The budget, in bytes.</summary>
    public long Limit { get; } = limit;

    /// <summary>The bytes taken now.</summary>
    public long Used => Interlocked.Read(ref _used);

    /// <summary>Takes <paramref name="bytes"/> if they fit; otherwise takes nothing and returns what would have been used.</summary>
    /// <returns>0 when taken, else the total that would have exceeded the budget.</returns>
    public long TryTake(long bytes)
    {
        var total = Interlocked.Add(ref _used, bytes);
        if (total <= Limit)
        {
            return 0;
        }

        Interlocked.Add(ref _used, -bytes);
        return total;
    }

    /// <summary>Takes <paramref name="bytes"/> whether they fit or not: for requests already accepted once, coming back from a stash.</summary>
    public void Take(long bytes) => Interlocked.Add(ref _used, bytes);

    /// <summary>Gives <paramref name="bytes"/> back when their request leaves the mailbox.</summary>
    public void Release(long bytes) => Interlocked.Add(ref _used, -bytes);
}
