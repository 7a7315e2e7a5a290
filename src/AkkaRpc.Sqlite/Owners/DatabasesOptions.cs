namespace AkkaRpc.Sqlite;

/// <summary>How <c>/user/databases</c> runs owners: the database settings plus queueing, idling and restart policy.</summary>
public sealed record DatabasesOptions
{
    /// <summary>How each database is opened and served.</summary>
    public DatabaseOptions Database { get; init; } = new();

    /// <summary>
    /// Requests an owner queues before it answers <see cref="Overloaded"/> at once: in its mailbox, and again (a bound
    /// of its own) those waiting for another client's transaction to end. Default 1000.
    /// </summary>
    public int MailboxCapacity { get; init; } = 1000;

    /// <summary>
    /// The most databases open at once (each holds its file, WAL and shared-memory index open). Opening one more first
    /// closes the least recently used idle one (no transaction, no open cursor, nothing queued), which reopens
    /// transparently when next used; when none is idle, the new database is refused with <see cref="LimitExceeded"/>
    /// (<see cref="LimitKind.OpenDatabases"/>). Default 256.
    /// </summary>
    public int MaxOpenDatabases { get; init; } = 256;

    /// <summary>
    /// The memory the requests queued in all owners' mailboxes may take together, estimated from their SQL text and
    /// parameters; a request that would go over it is refused at once with <see cref="LimitExceeded"/>
    /// (<see cref="LimitKind.QueuedBytes"/>). Default 256 MiB.
    /// </summary>
    public long MaxQueuedBytes { get; init; } = 256L << 20;

    /// <summary>An owner with no request for this long, no open transaction and no open cursor is stopped; null never stops it. Default 10 minutes.</summary>
    public TimeSpan? IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest lease a <see cref="Begin"/> may ask for. Default 5 minutes.</summary>
    public TimeSpan MaxLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The delay before reopening after a failure; it doubles with each earlier failure within <see cref="FailureWindow"/>. Default 100 ms.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The cap on the reopen delay. Default 10 seconds.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Failures within <see cref="FailureWindow"/> after which the owner is stopped and the database reported unavailable. Default 5.</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>The window for <see cref="MaxFailures"/>, and how long a database stays unavailable after that. Default 1 minute.</summary>
    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks that every value is in range.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        Database.Validate();
        if (MailboxCapacity < 1)
        {
            throw new ArgumentException($"{nameof(MailboxCapacity)} must be at least 1, not {MailboxCapacity}.");
        }

        if (MaxOpenDatabases < 1)
        {
            throw new ArgumentException($"{nameof(MaxOpenDatabases)} must be at least 1, not {MaxOpenDatabases}.");
        }

        if (MaxQueuedBytes < 1)
        {
            throw new ArgumentException($"{nameof(MaxQueuedBytes)} must be at least 1, not {MaxQueuedBytes}.");
        }

        if (IdleTimeout is { } idle && idle <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(IdleTimeout)} must be positive, or null to never stop idle owners.");
        }

        if (MaxLease <= TimeSpan.Zero || MinBackoff <= TimeSpan.Zero || MaxBackoff < MinBackoff || FailureWindow <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(MaxLease)}, {nameof(MinBackoff)} and {nameof(FailureWindow)} must be positive, and {nameof(MaxBackoff)} at least {nameof(MinBackoff)}.");
        }

        if (MaxFailures < 1)
        {
            throw new ArgumentException($"{nameof(MaxFailures)} must be at least 1, not {MaxFailures}.");
        }
    }
}
