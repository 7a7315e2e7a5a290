namespace AkkaRpc.Protocol;

/// <summary>Runs one statement and returns its rows; answered by <see cref="QueryResult"/>.</summary>
/// <param name="Sql">Exactly one SQL statement.</param>
/// <param name="Parameters">The values for its parameters.</param>
public sealed record Query(string Sql, SqlParameters Parameters) : StatementRequest
{
    /// <summary>A query without parameters.</summary>
    public Query(string sql)
        : this(sql, SqlParameters.None)
    {
    }
}
