namespace AkkaRpc.Protocol;

/// <summary>Runs one statement and returns its rows; answered by <see cref="QueryResult"/>.</summary>
/// <param name="Sql">Exactly one SQL statement.</param>
/// <param name="Parameters">The values for its parameters.</param>
public sealed record Query(string Sql, SqlParameters Parameters) : DatabaseRequest
{
    /// <summary>A query without parameters.</summary>
    public Query(string sql)
        : this(sql, SqlParameters.None)
    {
    }

    /// <summary>
    /// How long the statement may run on the node (each later <see cref="Fetch"/> of its cursor too) before SQLite
    /// stops it with <see cref="StatementTimedOut"/>; null for the node's default. The node caps it at its maximum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public TimeSpan? TimeLimit { get; init => field = TimeLimits.Check(value); }
}
