namespace AkkaRpc.Protocol;

/// <summary>One SQL statement with its parameters, as an element of a <see cref="Batch"/>.</summary>
/// <param name="Sql">Exactly one SQL statement.</param>
/// <param name="Parameters">The values for its parameters.</param>
public sealed record Statement(string Sql, SqlParameters Parameters)
{
    /// <summary>A statement without parameters.</summary>
    public Statement(string sql)
        : this(sql, SqlParameters.None)
    {
    }
}
