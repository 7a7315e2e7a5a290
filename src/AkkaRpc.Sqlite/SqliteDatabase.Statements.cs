using Akka.Actor;

namespace AkkaRpc.Sqlite;

internal sealed partial class SqliteDatabase
{
    /// <summary>Runs a query and returns its first chunk, with a cursor (owned by <paramref name="client"/>) when more rows remain.</summary>
    public DatabaseReply Query(Query query, Address? client = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = Enter(checkFile: false); // Checked here at most every 100 ms for a read, and by RunQuery every time before a write.
        if (CheckLength(query.Sql) is { } tooLong)
        {
            return tooLong;
        }

        CheckFileForRead();

        var limit = LimitFor(query.TimeLimit);
        return Limited(limit, () => RunQuery(query, client, limit));
    }

    /// <summary>Runs a statement for its effect; a write is committed (or part of the open transaction) when this returns.</summary>
    public DatabaseReply Execute(Execute execute)
    {
        ArgumentNullException.ThrowIfNull(execute);
        if (Enter() is { } refused)
        {
            return refused;
        }

        if (CheckLength(execute.Sql) is { } tooLong)
        {
            return tooLong;
        }

        return AfterCommit(Limited(LimitFor(execute.TimeLimit), () => RunToCompletion(execute.Sql, execute.Parameters)));
    }

    /// <summary>Runs every statement or none: in its own IMMEDIATE transaction, or in a savepoint inside the open one.</summary>
    public DatabaseReply Batch(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Enter() is { } refused)
        {
            return refused;
        }

        if (batch.Statements.Count > _options.MaxBatchStatements)
        {
            return new LimitExceeded(LimitKind.BatchStatements, _options.MaxBatchStatements, batch.Statements.Count);
        }

        for (var i = 0; i < batch.Statements.Count; i++)
        {
            if (CheckLength(batch.Statements[i].Sql) is { } tooLong)
            {
                return new BatchFailed(i, tooLong);
            }
        }

        return AfterCommit(Limited(LimitFor(batch.TimeLimit), () => RunBatch(batch)));
    }

    private DatabaseReply RunBatch(Batch batch)
    {
        var nested = _transactionId is not null;
        if (_writer.ExecuteInternal(nested ? "SAVEPOINT akkarpc_batch" : "BEGIN IMMEDIATE") is { } beginError)
        {
            return beginError;
        }

        var results = new ExecuteResult[batch.Statements.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var statement = batch.Statements[i];
            var reply = RunToCompletion(statement.Sql, statement.Parameters);
            if (reply is DatabaseError error)
            {
                UndoBatch(nested);
                return new BatchFailed(i, error);
            }

            results[i] = (ExecuteResult)reply;
        }

        if (_writer.ExecuteInternal(nested ? "RELEASE akkarpc_batch" : "COMMIT") is { } commitError)
        {
            // The index one past the last statement names the commit itself.
            UndoBatch(nested);
            return new BatchFailed(results.Length, commitError);
        }

        return new BatchResult(results);
    }

    private void UndoBatch(bool nested)
    {
        if (_writer.IsAutocommit)
        {
            // SQLite has already rolled back: a failed COMMIT, or a write stopped at its time limit, which rolls back the
            // whole transaction, an interactive one around a nested batch included (Limited then ends that one too).
            return;
        }

        var error = nested
            ? _writer.ExecuteInternal("ROLLBACK TO akkarpc_batch") ?? _writer.ExecuteInternal("RELEASE akkarpc_batch")
            : _writer.ExecuteInternal("ROLLBACK");
        if (error is not null)
        {
            // A rollback that fails leaves a transaction in an unknown state: break, don't guess.
            throw new DatabaseFailedException($"Database '{Name}' could not roll back a failed batch: {error.Message}");
        }
    }

    /// <summary>Runs one statement on the writer to its end, discarding rows.</summary>
    private DatabaseReply RunToCompletion(string sql, SqlParameters parameters)
    {
        var statement = _writer.Prepare(sql, out var prepareError);
        if (statement is null)
        {
            return prepareError!;
        }

        try
        {
            if (StatementRows.Bind(statement, parameters) is { } bindError)
            {
                return bindError;
            }

            var totalBefore = _writer.TotalChanges;
            int rc;
            while ((rc = _writer.Step(statement)) == SqliteCodes.Row)
            {
            }

            // sqlite3_changes keeps the previous DML's count across DDL and other statements, so
            // it counts only when the connection's running total moved.
            return rc == SqliteCodes.Done
                ? new ExecuteResult(_writer.TotalChanges == totalBefore ? 0 : _writer.Changes, _writer.LastInsertRowId)
                : _writer.ToError(rc);
        }
        finally
        {
            _writer.Release(statement);
        }
    }

    private DatabaseReply RunQuery(Query query, Address? client, TimeSpan limit)
    {
        // Outside an explicit transaction a read-only statement runs on a reader, so that a cursor
        // it leaves open reads a stable snapshot; everything else runs on the writer.
        if (_transactionId is null)
        {
            // A reader that cannot be opened may mean the file went since the last check: checking saves and reopens it.
            // If it still cannot (permission denied on the directory, say), the writer, which holds the data, is not
            // broken by that, so this is an answer, not a failure.
            if (!TryAcquireReader(out var reader, out var failure)
                && (EnsureFiles(committed: false) is not null || !TryAcquireReader(out reader, out failure)))
            {
                return new DatabaseUnavailable(Name, failure.Message);
            }

            var statement = reader.Prepare(query.Sql, out var error);
            if (statement is null)
            {
                ReleaseReader(reader);
                return error!;
            }

            if (statement.IsReadOnly)
            {
                return Start(reader, statement, query.Parameters, new CursorOwner(client, limit), ownsConnection: true);
            }

            reader.Release(statement);
            ReleaseReader(reader);
        }

        if (EnsureFiles(committed: false) is { } refused)
        {
            return refused;
        }

        var onWriter = _writer.Prepare(query.Sql, out var writerError);
        return onWriter is null ? writerError! : AfterCommit(Start(_writer, onWriter, query.Parameters, new CursorOwner(client, limit), ownsConnection: false));
    }

    private DatabaseReply Start(DatabaseConnection connection, PreparedStatement statement, SqlParameters parameters, CursorOwner owner, bool ownsConnection)
    {
        if (StatementRows.Bind(statement, parameters) is { } bindError)
        {
            connection.Release(statement);
            ReleaseIfOwned(connection, ownsConnection);
            return bindError;
        }

        var columns = statement.Columns;
        Cursor cursor;
        if (statement.IsReadOnly)
        {
            var rc = connection.Step(statement);
            if (rc is not (SqliteCodes.Row or SqliteCodes.Done))
            {
                var error = ToErrorAndRelease(connection, statement, rc);
                ReleaseIfOwned(connection, ownsConnection);
                return error;
            }

            if (rc == SqliteCodes.Done)
            {
                connection.Release(statement);
                ReleaseIfOwned(connection, ownsConnection);
                return new QueryResult(columns, [], null);
            }

            cursor = new Cursor(NextCursorId(), owner, statement.Columns, connection, statement, null, ownsConnection, _time.GetTimestamp());
        }
        else
        {
            // A write commits only when its statement finishes, so run it to the end now and
            // page the rows it returned (RETURNING) from memory.
            var rows = new Queue<SqlValue[]>();
            int rc;
            while ((rc = connection.Step(statement)) == SqliteCodes.Row)
            {
                rows.Enqueue(StatementRows.ReadRow(statement.Handle, columns.Length));
            }

            var error = rc == SqliteCodes.Done ? null : connection.ToError(rc);
            connection.Release(statement);
            if (error is not null)
            {
                return error;
            }

            cursor = new Cursor(NextCursorId(), owner, columns, connection, null, rows, ownsConnection: false, _time.GetTimestamp());
        }

        var chunk = ReadChunk(cursor, out var chunkError);
        if (chunkError is not null)
        {
            DisposeCursor(cursor);
            return chunkError;
        }

        if (chunk.CursorId is null)
        {
            DisposeCursor(cursor);
            return chunk;
        }

        if (RefuseCursor(owner.Client) is { } refused)
        {
            DisposeCursor(cursor);
            return refused;
        }

        _cursors.Add(cursor.Id, cursor);
        return chunk;
    }

    private DatabaseError ToErrorAndRelease(DatabaseConnection connection, PreparedStatement statement, int rc)
    {
        try
        {
            return connection.ToError(rc);
        }
        finally
        {
            connection.Release(statement);
        }
    }

    private LimitExceeded? CheckLength(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return sql.Length > _options.MaxStatementLength
            ? new LimitExceeded(LimitKind.StatementLength, _options.MaxStatementLength, sql.Length)
            : null;
    }

    private long NextCursorId() => _nextCursorId++;
}
