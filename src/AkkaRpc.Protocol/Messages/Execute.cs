namespace AkkaRpc.Protocol;

/// <summary>Runs one statement for its effect; answered by <see cref="ExecuteResult"/>.</summary>
/// <remarks>Rows the statement returns (for example with RETURNING) are discarded; use <see cref="Query"/> to see them.</remarks>
/// <param name="Sql">Exactly one SQL statement.</param>
/// <param name="Parameters">The values for its parameters.</param>
public sealed record Execute(string Sql, SqlParameters Parameters) : DatabaseRequest
{
    /// <summary>A statement without parameters.</summary>
    public Execute(string sql)
        : this(sql, SqlParameters.None)
    {
    }

    /// <summary>
    /// How long the statement may run on the node before SQLite stops it (undoing it) with
    /// <see cref="StatementTimedOut"/>; null for the node's default. The node caps it at its maximum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public TimeSpan? TimeLimit { get; init => field = TimeLimits.Check(value); }
}
