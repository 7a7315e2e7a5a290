using System.Globalization;
using SQLitePCL;

namespace AkkaRpc.Sqlite;

/// <summary>One native SQLite connection with its authorizer and statement cache; every native result goes through <see cref="ToError"/>.</summary>
internal sealed class DatabaseConnection : IDisposable
{
    private readonly sqlite3 _db;
    private readonly StatementAuthorizer _authorizer;
    private readonly StatementLimit _limit;
    private readonly StatementCache _cache;
    private readonly Dictionary<string, PreparedStatement> _internal = new(StringComparer.Ordinal);
    private bool _disposed;

    private DatabaseConnection(string path, sqlite3 db, DatabaseOptions options, StatementLimit limit)
    {
        Path = path;
        _db = db;
        _limit = limit;
        _authorizer = new StatementAuthorizer(options);
        _cache = new StatementCache(options.StatementCacheCapacity);
    }

    public string Path { get; }

    public int CachedStatements => _cache.Count;

    /// <summary>Whether no transaction is open on this connection.</summary>
    public bool IsAutocommit => raw.sqlite3_get_autocommit(_db) != 0;

    /// <summary>Opens and configures a connection.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="options">The owner's options.</param>
    /// <param name="readOnly">Open read-only (the read-only mode, or a cursor reader).</param>
    /// <param name="create">Create the file if missing.</param>
    /// <param name="limit">The engine's statement limit, which stops this connection's runaway statements.</param>
    /// <exception cref="DatabaseFailedException">The file cannot be opened or configured.</exception>
    public static DatabaseConnection Open(string path, DatabaseOptions options, bool readOnly, bool create, StatementLimit limit)
    {
        Batteries_V2.Init();

        // NOMUTEX: the owner uses a connection from one thread at a time, so SQLite's own
        // per-call locking would be pure overhead.
        var flags = raw.SQLITE_OPEN_NOMUTEX | (readOnly
            ? raw.SQLITE_OPEN_READONLY
            : raw.SQLITE_OPEN_READWRITE | (create ? raw.SQLITE_OPEN_CREATE : 0));
        var rc = raw.sqlite3_open_v2(path, out var db, flags, null);
        if (rc != SqliteCodes.Ok)
        {
            var message = db is null ? raw.sqlite3_errstr(rc).utf8_to_string() : raw.sqlite3_errmsg(db).utf8_to_string();
            var extended = db is null ? rc : raw.sqlite3_extended_errcode(db);
            db?.Dispose();
            throw new DatabaseFailedException($"Cannot open database file '{path}': {message}", rc & 0xFF, extended);
        }

        var connection = new DatabaseConnection(path, db, options, limit);
        try
        {
            connection.Configure(options, readOnly);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Finds or compiles exactly one statement, or says why not.</summary>
    public PreparedStatement? Prepare(string sql, out DatabaseError? error)
    {
        error = null;
        if (_cache.Take(sql) is { } cached)
        {
            return cached;
        }

        _authorizer.Reset();
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var handle, out var tail);
        if (rc != SqliteCodes.Ok)
        {
            handle?.Dispose();
            error = ToError(rc);
            return null;
        }

        if (handle is null || handle.IsInvalid)
        {
            handle?.Dispose();
            error = new StatementRefused(RefusalReason.EmptyStatement, string.Empty);
            return null;
        }

        if (_authorizer.UnnamedTempObject is { } tempObject)
        {
            handle.Dispose();
            error = tempObject;
            return null;
        }

        var attaches = _authorizer.SawAttach;
        if (!string.IsNullOrWhiteSpace(tail) && HoldsStatement(tail))
        {
            handle.Dispose();
            error = new StatementRefused(RefusalReason.MultipleStatements, tail);
            return null;
        }

        return new PreparedStatement(sql, handle, attaches);
    }

    /// <summary>Puts a statement back in the cache after use.</summary>
    public void Release(PreparedStatement statement)
    {
        statement.Reset();
        _cache.Return(statement);
    }

    /// <summary>Steps a user statement once, with the authorizer told that it runs rather than compiles, under the request's time limit.</summary>
    public int Step(PreparedStatement statement)
    {
        _authorizer.Reset();
        _authorizer.Stepping = true;
        _authorizer.SteppedStatementAttaches = statement.Attaches;
        _limit.Watch(statement.Sql);
        try
        {
            return raw.sqlite3_step(statement.Handle);
        }
        finally
        {
            _limit.Unwatch();
            _authorizer.Stepping = false;
        }
    }

    /// <summary>Runs one of the engine's own statements (BEGIN IMMEDIATE, COMMIT, SAVEPOINT …) to completion.</summary>
    public DatabaseError? ExecuteInternal(string sql)
    {
        if (!_internal.TryGetValue(sql, out var statement))
        {
            _authorizer.Internal = true;
            try
            {
                var rc = raw.sqlite3_prepare_v2(_db, sql, out var handle);
                if (rc != SqliteCodes.Ok)
                {
                    handle?.Dispose();
                    return ToError(rc);
                }

                statement = new PreparedStatement(sql, handle, attaches: false);
                _internal.Add(sql, statement);
            }
            finally
            {
                _authorizer.Internal = false;
            }
        }

        _authorizer.Internal = true;
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement.Handle)) == SqliteCodes.Row)
            {
            }

            var error = rc == SqliteCodes.Done ? null : ToError(rc);
            statement.Reset();
            return error;
        }
        finally
        {
            _authorizer.Internal = false;
        }
    }

    public long Changes => raw.sqlite3_changes(_db);

    public long TotalChanges => raw.sqlite3_total_changes(_db);

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    /// <summary>Turns a failed result into a reply, or throws when the connection is no longer usable.</summary>
    /// <exception cref="DatabaseFailedException">The failure leaves the connection unusable.</exception>
    public DatabaseError ToError(int rc)
    {
        var extended = raw.sqlite3_extended_errcode(_db);
        var primary = rc & 0xFF;
        if ((extended & 0xFF) != primary)
        {
            extended = rc; // The connection's error slot was overwritten; trust the returned code.
        }

        var message = raw.sqlite3_errmsg(_db).utf8_to_string() ?? raw.sqlite3_errstr(rc).utf8_to_string();
        if (SqliteCodes.IsConnectionFatal(extended))
        {
            throw new DatabaseFailedException(
                $"Database '{Path}' failed with SQLite error {extended} ({message}); the connection is no longer usable.",
                primary,
                extended);
        }

        // Stopped by the progress handler: at its time limit, or because the node is stopping.
        if (primary == SqliteCodes.Interrupt && _limit.Stopped != StatementStop.None)
        {
            return _limit.ToError();
        }

        // SQLite reports most denials as SQLITE_AUTH but a denied function as a plain SQLITE_ERROR
        // ("not authorized to use function"); the refusal is cleared before every compile and step,
        // so one recorded now is what made this statement fail.
        if (primary is SqliteCodes.Auth or SqliteCodes.Error && _authorizer.LastRefusal is { } refusal)
        {
            return refusal;
        }

        return primary is SqliteCodes.Busy or SqliteCodes.Locked
            ? new Busy(extended, message)
            : new SqlError(primary, extended, message);
    }

    /// <summary>Throws if the database file was deleted or renamed since it was opened.</summary>
    /// <remarks>
    /// SQLite keeps reading and writing the unlinked inode without any error, so without this
    /// check acknowledged writes would silently vanish with the deleted file.
    /// </remarks>
    /// <exception cref="DatabaseFailedException">The file has moved.</exception>
    public void ThrowIfFileMoved()
    {
        if (NativeMethods.HasMoved(_db))
        {
            throw new DatabaseFailedException(
                $"Database file '{Path}' was deleted or renamed while open; reopen it to continue.",
                SqliteCodes.ReadOnlyDbMoved & 0xFF,
                SqliteCodes.ReadOnlyDbMoved);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cache.Dispose();
        foreach (var statement in _internal.Values)
        {
            statement.Dispose();
        }

        _internal.Clear();
        _ = raw.sqlite3_set_authorizer(_db, (delegate_authorizer?)null, null);
        raw.sqlite3_progress_handler(_db, 0, null, null);
        _db.Dispose(); // sqlite3_close_v2; statements still held by cursors are disposed by the engine first.
        GC.KeepAlive(_authorizer);
        GC.KeepAlive(_limit);
    }

    private void Configure(DatabaseOptions options, bool readOnly)
    {
        _ = raw.sqlite3_extended_result_codes(_db, 1);
        _ = raw.sqlite3_busy_timeout(_db, (int)options.BusyTimeout.TotalMilliseconds);
        _ = raw.sqlite3_enable_load_extension(_db, options.AllowLoadExtension ? 1 : 0);

        // Defensive mode blocks writes to the schema table, shadow tables and sqlite_dbpage
        // even where the authorizer has nothing to say.
        _ = raw.sqlite3_db_config(_db, SqliteCodes.DbConfigDefensive, options.AllowWritableSchema ? 0 : 1, out _);

        if (!readOnly)
        {
            var mode = QueryText("PRAGMA journal_mode = WAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new DatabaseFailedException($"Database '{Path}' cannot use WAL journal mode (SQLite kept '{mode}').");
            }
        }

        ConfigureOrThrow($"PRAGMA synchronous = {((int)options.Synchronous).ToString(CultureInfo.InvariantCulture)}");
        ConfigureOrThrow("PRAGMA foreign_keys = ON");

        // Reading the schema now makes NOTADB and CORRUPT fail the open, not the first client.
        ConfigureOrThrow("SELECT count(*) FROM sqlite_schema");
        _ = raw.sqlite3_set_authorizer(_db, _authorizer.Callback, null);
        raw.sqlite3_progress_handler(_db, StatementLimit.ProgressPeriod, _limit.Callback, null);
    }

    private void ConfigureOrThrow(string sql) => _ = QueryText(sql);

    private string? QueryText(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        using (statement)
        {
            if (rc == SqliteCodes.Ok)
            {
                rc = raw.sqlite3_step(statement);
                if (rc == SqliteCodes.Row)
                {
                    var text = raw.sqlite3_column_text(statement, 0).utf8_to_string();
                    rc = raw.sqlite3_step(statement);
                    if (rc == SqliteCodes.Done)
                    {
                        return text;
                    }
                }
                else if (rc == SqliteCodes.Done)
                {
                    return null;
                }
            }

            var extended = raw.sqlite3_extended_errcode(_db);
            throw new DatabaseFailedException(
                $"Cannot configure database '{Path}' ({sql}): {raw.sqlite3_errmsg(_db).utf8_to_string()}",
                rc & 0xFF,
                extended);
        }
    }

    private bool HoldsStatement(string tail)
    {
        // Text after the first statement may be only comments; compile it to find out, without
        // letting its authorizer verdict replace the first statement's.
        _authorizer.Internal = true;
        try
        {
            var rc = raw.sqlite3_prepare_v2(_db, tail, out var next);
            using (next)
            {
                return rc != SqliteCodes.Ok || (next is not null && !next.IsInvalid);
            }
        }
        finally
        {
            _authorizer.Internal = false;
        }
    }
}
