namespace AkkaRpc.Protocol;

/// <summary>
/// A statement ran past its time limit and SQLite stopped it: it had no effect (a write or a batch was rolled back),
/// and if it ran inside an interactive transaction that transaction was rolled back too. The database stays usable.
/// </summary>
/// <param name="Sql">The start of the statement that was stopped.</param>
/// <param name="Limit">The limit it ran under: the request's own, the node's default, or the node's maximum.</param>
/// <param name="Maximum">The longest limit the node lets a request ask for.</param>
/// <param name="TransactionRolledBack">It ran inside an interactive transaction, which was rolled back with it.</param>
public sealed record StatementTimedOut(string Sql, TimeSpan Limit, TimeSpan Maximum, bool TransactionRolledBack) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"The statement ran longer than its time limit of {Limit} and was stopped, with no effect" +
        (TransactionRolledBack ? "; the transaction it ran in was rolled back" : string.Empty) +
        $": {Sql}. Make it cheaper (an index, a LIMIT, reading the result through a cursor), " +
        (Limit < Maximum
            ? $"or ask for a longer limit, up to the node's {Maximum} (the request's TimeLimit, which the client sets from RequestOptions.Timeout), or raise akkarpc.databases.max-statement-timeout on the node."
            : "or raise akkarpc.databases.max-statement-timeout on the node: this request already had the longest limit it allows.");
}
