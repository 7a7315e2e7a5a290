using System.Diagnostics.CodeAnalysis;
using Akka.Actor;

namespace AkkaRpc.Sqlite;

internal sealed partial class SqliteDatabase
{
    // Readers kept open while no cursor needs them; one warm reader serves the common point query.
    private const int MaxIdleReaders = 1;

    /// <summary>Returns the next chunk of a cursor of <paramref name="client"/>, closing it after its last row.</summary>
    public DatabaseReply Fetch(Fetch fetch, Address? client = null)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _ = Enter(checkFile: false); // A read: the files are checked when a query starts.
        if (CursorOf(fetch.CursorId, client) is not { } cursor)
        {
            return new CursorNotFound(fetch.CursorId);
        }

        return Limited(cursor.Owner.TimeLimit, () =>
        {
            cursor.LastUsed = _time.GetTimestamp();
            DatabaseError? error = null;
            QueryResult? chunk = null;
            try
            {
                chunk = ReadChunk(cursor, out error);
            }
            finally
            {
                if (chunk?.CursorId is null)
                {
                    _cursors.Remove(cursor.Id);
                    DisposeCursor(cursor);
                }
            }

            return error ?? (DatabaseReply)chunk!;
        });
    }

    /// <summary>Closes a cursor of <paramref name="client"/> and releases its statement and reader.</summary>
    public DatabaseReply CloseCursor(CloseCursor close, Address? client = null)
    {
        ArgumentNullException.ThrowIfNull(close);
        _ = Enter(checkFile: false);
        if (CursorOf(close.CursorId, client) is not { } cursor)
        {
            return new CursorNotFound(close.CursorId);
        }

        _cursors.Remove(cursor.Id);
        DisposeCursor(cursor);
        return new CursorClosed(close.CursorId);
    }

    /// <summary>Closes every cursor of <paramref name="client"/>; the owner calls this when the client's connection closes.</summary>
    /// <returns>How many cursors were closed.</returns>
    public int CloseCursorsOf(Address client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return _disposed ? 0 : CloseCursorsWhere(c => client.Equals(c.Owner.Client));
    }

    /// <summary>Closes cursors idle for longer than <see cref="DatabaseOptions.CursorIdleExpiry"/>; the owner may also call this from a timer.</summary>
    /// <returns>How many cursors were closed.</returns>
    public int ExpireIdleCursors()
    {
        List<Cursor>? expired = null;
        foreach (var cursor in _cursors.Values)
        {
            if (_time.GetElapsedTime(cursor.LastUsed) >= _options.CursorIdleExpiry)
            {
                (expired ??= []).Add(cursor);
            }
        }

        if (expired is null)
        {
            return 0;
        }

        foreach (var cursor in expired)
        {
            _cursors.Remove(cursor.Id);
            DisposeCursor(cursor);
        }

        return expired.Count;
    }

    /// <summary>Reads up to the chunk limits; the reply carries the cursor id when rows remain.</summary>
    private QueryResult ReadChunk(Cursor cursor, out DatabaseError? error)
    {
        error = null;
        var rows = new List<IReadOnlyList<SqlValue>>();
        long bytes = 0;
        var columns = cursor.Columns.Length;
        if (cursor.Buffered is { } buffered)
        {
            while (buffered.TryPeek(out var row))
            {
                var size = BufferedSize(row);
                if (size > _options.MaxReplyBytes)
                {
                    error = new LimitExceeded(LimitKind.ReplySize, _options.MaxReplyBytes, size);
                    return new QueryResult(cursor.Columns, [], null);
                }

                if (rows.Count > 0 && (rows.Count >= _options.MaxRowsPerChunk || bytes + size > _options.MaxBytesPerChunk))
                {
                    return new QueryResult(cursor.Columns, rows, cursor.Id);
                }

                rows.Add(buffered.Dequeue());
                bytes += size;
            }

            return new QueryResult(cursor.Columns, rows, null);
        }

        // The statement sits on a row not yet sent: the first row after Start, or the row that
        // did not fit in the previous chunk.
        var statement = cursor.Statement!;
        while (true)
        {
            var size = StatementRows.RowSize(statement.Handle, columns);
            if (size > _options.MaxReplyBytes)
            {
                error = new LimitExceeded(LimitKind.ReplySize, _options.MaxReplyBytes, size);
                return new QueryResult(cursor.Columns, [], null);
            }

            if (rows.Count > 0 && (rows.Count >= _options.MaxRowsPerChunk || bytes + size > _options.MaxBytesPerChunk))
            {
                return new QueryResult(cursor.Columns, rows, cursor.Id);
            }

            rows.Add(StatementRows.ReadRow(statement.Handle, columns));
            bytes += size;
            var rc = cursor.Connection.Step(statement);
            if (rc == SqliteCodes.Done)
            {
                return new QueryResult(cursor.Columns, rows, null);
            }

            if (rc != SqliteCodes.Row)
            {
                error = cursor.Connection.ToError(rc);
                return new QueryResult(cursor.Columns, rows, null);
            }
        }
    }

    private static long BufferedSize(SqlValue[] row)
    {
        long size = 0;
        foreach (var value in row)
        {
            size += value.Kind switch
            {
                SqlValueKind.Integer or SqlValueKind.Real => 8,
                SqlValueKind.Text => System.Text.Encoding.UTF8.GetByteCount(value.AsText()),
                SqlValueKind.Blob => value.AsBlob().Length,
                _ => 1,
            };
        }

        return size;
    }

    private void DisposeCursor(Cursor cursor)
    {
        if (cursor.Statement is { } statement)
        {
            cursor.Connection.Release(statement);
        }

        ReleaseIfOwned(cursor.Connection, cursor.OwnsConnection);
    }

    /// <summary>Closes the cursors that run on the writer; called when its transaction ends, since they belong to it.</summary>
    private void CloseWriterCursors() => CloseCursorsWhere(c => c.Connection == _writer);

    private int CloseCursorsWhere(Func<Cursor, bool> match)
    {
        var closing = _cursors.Values.Where(match).ToList();
        foreach (var cursor in closing)
        {
            _cursors.Remove(cursor.Id);
            DisposeCursor(cursor);
        }

        return closing.Count;
    }

    /// <summary>The open cursor <paramref name="id"/> if <paramref name="client"/> opened it; another client's is as good as missing.</summary>
    private Cursor? CursorOf(long id, Address? client) =>
        _cursors.TryGetValue(id, out var cursor) && Equals(cursor.Owner.Client, client) ? cursor : null;

    /// <summary>Why <paramref name="client"/> may not open one more cursor now, or null when it may.</summary>
    private LimitExceeded? RefuseCursor(Address? client)
    {
        // The client's own limit first: when it holds its share, the fault is its own, whatever the others hold.
        var mine = 0;
        foreach (var cursor in _cursors.Values)
        {
            if (Equals(cursor.Owner.Client, client))
            {
                mine++;
            }
        }

        if (mine >= _options.MaxCursorsPerClient)
        {
            return new LimitExceeded(LimitKind.ClientCursors, _options.MaxCursorsPerClient, mine + 1);
        }

        return _cursors.Count >= _options.MaxOpenCursors
            ? new LimitExceeded(LimitKind.OpenCursors, _options.MaxOpenCursors, _cursors.Count + 1)
            : null;
    }

    private DatabaseConnection AcquireReader()
    {
        if (!_idleReaders.TryPop(out var reader))
        {
            reader = DatabaseConnection.Open(FullPath, _options, readOnly: true, create: false, _limit);
            _readers.Add(reader);
        }

        return reader;
    }

    private bool TryAcquireReader([NotNullWhen(true)] out DatabaseConnection? reader, [NotNullWhen(false)] out DatabaseFailedException? failure)
    {
        try
        {
            reader = AcquireReader();
            failure = null;
            return true;
        }
        catch (DatabaseFailedException e)
        {
            reader = null;
            failure = e;
            return false;
        }
    }

    private void ReleaseIfOwned(DatabaseConnection connection, bool owned)
    {
        if (owned)
        {
            ReleaseReader(connection);
        }
    }

    private void ReleaseReader(DatabaseConnection reader)
    {
        if (_idleReaders.Count < MaxIdleReaders && !_disposed)
        {
            _idleReaders.Push(reader);
        }
        else
        {
            _readers.Remove(reader);
            reader.Dispose();
        }
    }
}
