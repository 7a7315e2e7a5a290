namespace AkkaRpc.Protocol;

/// <summary>Runs one statement for its effect; answered by <see cref="ExecuteResult"/>.</summary>
/// <remarks>Rows the statement returns (for example with RETURNING) are discarded; use <see cref="Query"/> to see them.</remarks>
/// <param name="Sql">Exactly one SQL statement.</param>
/// <param name="Parameters">The values for its parameters.</param>
public sealed record Execute(string Sql, SqlParameters Parameters) : StatementRequest
{
    /// <summary>A statement without parameters.</summary>
    public Execute(string sql)
        : this(sql, SqlParameters.None)
    {
    }
}
