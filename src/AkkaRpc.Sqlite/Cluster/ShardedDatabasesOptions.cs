namespace AkkaRpc.Sqlite;

/// <summary>How a cluster member's <c>/user/databases</c> reaches owners placed on any member.</summary>
public sealed record ShardedDatabasesOptions
{
    /// <summary>
    /// How long a client's <see cref="Resolve"/> (or a request waiting for its owner) may wait for the cluster to place
    /// the owner, e.g. while a dead member is being downed and its shards moved; then it is answered
    /// <see cref="DatabaseUnavailable"/> (nothing ran). Default 20 seconds.
    /// </summary>
    public TimeSpan ResolveTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How often an unanswered <see cref="Resolve"/> is sent to the shard region again: a message the region had already
    /// routed to a member that then died is lost (Akka delivers at most once), and the region learns the new home only
    /// from the coordinator. Default 100 ms.
    /// </summary>
    public TimeSpan ResolveRetry { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Checks that every value is in range.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (ResolveTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ResolveTimeout)} must be positive, not {ResolveTimeout}.");
        }

        if (ResolveRetry <= TimeSpan.Zero || ResolveRetry > ResolveTimeout)
        {
            throw new ArgumentException($"{nameof(ResolveRetry)} must be positive and at most {nameof(ResolveTimeout)} ({ResolveTimeout}), not {ResolveRetry}.");
        }
    }
}
