namespace AkkaRpc.Protocol;

/// <summary>The request went over a configured limit; nothing ran.</summary>
/// <param name="Limit">Which limit.</param>
/// <param name="Maximum">The configured maximum.</param>
/// <param name="Actual">What the request needed.</param>
public sealed record LimitExceeded(LimitKind Limit, long Maximum, long Actual) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message => Limit switch
    {
        LimitKind.StatementLength => $"The SQL text has {Actual} characters, over the limit of {Maximum}. Pass large values as parameters, not literals.",
        LimitKind.BatchStatements => $"The batch has {Actual} statements, over the limit of {Maximum}. Split it, or use an interactive transaction.",
        LimitKind.OpenCursors => $"{Maximum} cursors, of all clients together, are already open on this database. Retry once some are read to the end, closed or expired; " +
            "if it persists, raise akkarpc.databases.max-open-cursors.",
        LimitKind.ClientCursors => $"You already hold {Maximum} open cursors on this database (results of queries not yet read to the end). " +
            "Read them to the end or close them, then retry; they also close when they idle past the node's cursor-idle-expiry or your connection closes.",
        LimitKind.ReplySize => $"A row of the result is {Actual:N0} bytes, over the {Maximum:N0} bytes one reply may carry (the node's akkarpc.remote.max-frame-size). " +
            "Read large values in pieces (substr(column, offset, length)) or store them in several rows.",
        LimitKind.OpenDatabases => $"The node already has {Actual} databases open, its limit of {Maximum}, and every one is in use (a transaction, open cursors or " +
            "queued requests); the database was not opened. Retry shortly, or raise akkarpc.databases.max-open-databases (each open database holds about 3 files).",
        LimitKind.QueuedBytes => $"The requests queued on the node would take {Actual:N0} bytes of memory, over its budget of {Maximum:N0} " +
            "(akkarpc.databases.max-queued-bytes); this one did not run. Retry shortly, or send fewer or smaller requests at once.",
        _ => $"Limit {Limit} exceeded: {Actual} > {Maximum}.",
    };
}
