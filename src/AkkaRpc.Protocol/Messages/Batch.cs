namespace AkkaRpc.Protocol;

/// <summary>Runs statements all or nothing in one transaction; answered by <see cref="BatchResult"/> or <see cref="BatchFailed"/>.</summary>
/// <param name="Statements">The statements, run in order.</param>
public sealed record Batch(IReadOnlyList<Statement> Statements) : DatabaseRequest
{
    /// <summary>
    /// How long the whole batch may run on the node before SQLite stops it (rolling the batch back) with
    /// <see cref="StatementTimedOut"/>; null for the node's default. The node caps it at its maximum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public TimeSpan? TimeLimit { get; init => field = TimeLimits.Check(value); }
}
