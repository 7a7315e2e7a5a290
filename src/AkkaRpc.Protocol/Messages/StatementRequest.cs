namespace AkkaRpc.Protocol;

/// <summary>A request that runs SQL (<see cref="Query"/>, <see cref="Execute"/>, <see cref="Batch"/>), under a time limit.</summary>
public abstract record StatementRequest : DatabaseRequest
{
    /// <summary>
    /// How long the request's SQL may run on the node before SQLite stops it, with no effect, and the node answers
    /// <see cref="StatementTimedOut"/>; null for the node's default. The node caps it at its maximum. A query's limit
    /// also applies to each later <see cref="Fetch"/> of its cursor; a batch's to the whole batch.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public TimeSpan? TimeLimit { get; init => field = TimeLimits.Check(value); }
}
