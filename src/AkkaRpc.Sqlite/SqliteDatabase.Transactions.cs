namespace AkkaRpc.Sqlite;

internal sealed partial class SqliteDatabase
{
    /// <summary>Opens an interactive transaction with BEGIN IMMEDIATE, so it holds the write lock from the start; the owner enforces the lease.</summary>
    public DatabaseReply Begin(Begin begin)
    {
        ArgumentNullException.ThrowIfNull(begin);
        if (Enter() is { } refused)
        {
            return refused;
        }

        if (_transactionId is { } active)
        {
            return new TransactionInProgress(active);
        }

        return Guard(() =>
        {
            if (_writer.ExecuteInternal("BEGIN IMMEDIATE") is { } error)
            {
                return error;
            }

            _transactionId = _nextTransactionId++;
            return (DatabaseReply)new TransactionStarted(_transactionId.Value, begin.Lease);
        });
    }

    /// <summary>Commits the open transaction; if the commit fails, the transaction is rolled back and the error returned.</summary>
    public DatabaseReply Commit(Commit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var refused = Enter();
        if (_transactionId != commit.TransactionId)
        {
            return new TransactionNotFound(commit.TransactionId);
        }

        if (refused is not null)
        {
            // A commit ends the transaction whatever its outcome, as a failed COMMIT does.
            return Guard(() =>
            {
                EndTransaction(committed: false);
                return refused;
            });
        }

        return AfterCommit(Guard(() =>
        {
            CloseWriterCursors();
            var error = _writer.ExecuteInternal("COMMIT");
            if (error is not null && !_writer.IsAutocommit)
            {
                // Rolling back rather than leaving the transaction open keeps other clients from
                // waiting on a holder that has already been told its commit failed.
                EndTransaction(committed: false);
                return error;
            }

            _transactionId = null;
            return error ?? (DatabaseReply)new TransactionEnded(commit.TransactionId, Committed: true);
        }));
    }

    /// <summary>Rolls back the open transaction.</summary>
    public DatabaseReply Rollback(Rollback rollback)
    {
        ArgumentNullException.ThrowIfNull(rollback);
        _ = Enter(checkFile: false);
        if (_transactionId != rollback.TransactionId)
        {
            return new TransactionNotFound(rollback.TransactionId);
        }

        return Guard(() =>
        {
            EndTransaction(committed: false);
            return (DatabaseReply)new TransactionEnded(rollback.TransactionId, Committed: false);
        });
    }

    /// <summary>Rolls back the open transaction because its lease expired; the owner calls this and replies <see cref="TransactionLeaseExpired"/>.</summary>
    public DatabaseReply ExpireTransaction(long transactionId)
    {
        _ = Enter(checkFile: false);
        if (_transactionId != transactionId)
        {
            return new TransactionNotFound(transactionId);
        }

        return Guard(() =>
        {
            EndTransaction(committed: false);
            return (DatabaseReply)new TransactionLeaseExpired(transactionId);
        });
    }

    private void EndTransaction(bool committed)
    {
        CloseWriterCursors();
        _transactionId = null;
        if (!committed && !_writer.IsAutocommit && _writer.ExecuteInternal("ROLLBACK") is { } error)
        {
            throw new DatabaseFailedException($"Database '{Name}' could not roll back a transaction: {error.Message}");
        }
    }
}
