namespace AkkaRpc.Sqlite;

internal sealed partial class SqliteDatabase
{
    /// <summary>The limit a request runs under: its own, capped at the maximum, or the default when it names none.</summary>
    private TimeSpan LimitFor(TimeSpan? requested) => requested is { } asked
        ? (asked < _options.MaxStatementTimeout ? asked : _options.MaxStatementTimeout)
        : _options.StatementTimeout;

    /// <summary>
    /// Runs a request's statements under <paramref name="limit"/> (see <see cref="StatementLimit"/>), remembering a
    /// connection failure as <see cref="Guard{T}"/> does. A statement stopped inside an interactive transaction ends the
    /// transaction, rolled back, and says so in its reply.
    /// </summary>
    /// <remarks>
    /// SQLite itself rolls back the whole transaction when it stops a write, but not when it stops a read. Rolling back
    /// in both cases gives the holder one rule to count on: after <see cref="StatementTimedOut"/> the transaction is
    /// gone. For the same reason a transaction that SQLite rolled back on its own after any other error is ended here
    /// too, instead of leaving the owner holding a transaction that no longer exists.
    /// </remarks>
    private DatabaseReply Limited(TimeSpan limit, Func<DatabaseReply> body)
    {
        _limit.Start(limit);
        DatabaseReply reply;
        try
        {
            reply = Guard(body);
        }
        finally
        {
            _limit.End();
        }

        if (_transactionId is null || (_limit.Stopped == StatementStop.None && !_writer.IsAutocommit))
        {
            return reply;
        }

        Guard(() =>
        {
            EndTransaction(committed: false);
            return reply;
        });
        return reply switch
        {
            StatementTimedOut timedOut => timedOut with { TransactionRolledBack = true },
            BatchFailed { Error: StatementTimedOut timedOut } failed => failed with { Error = timedOut with { TransactionRolledBack = true } },
            _ => reply,
        };
    }
}
