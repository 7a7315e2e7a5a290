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
    private readonly bool _readOnly;
    private DatabaseFiles? _files;
    private bool _disposed;

    private const int CheckpointTruncate = 3;

    private DatabaseConnection(string path, sqlite3 db, DatabaseOptions options, StatementLimit limit, bool readOnly)
    {
        Path = path;
        _readOnly = readOnly;
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
            var errno = db is null ? 0 : NativeMethods.SystemErrno(db);
            db?.Dispose();
            throw Failure($"Cannot open database file '{path}'", path, message, rc & 0xFF, extended, errno);
        }

        var connection = new DatabaseConnection(path, db, options, limit, readOnly);
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
        _limit.Watch(statement);
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
            var errno = NativeMethods.SystemErrno(_db);
            if (primary == SqliteCodes.Full || (primary == SqliteCodes.IoErr && errno is NativeMethods.ENoSpc or NativeMethods.EDQuot))
            {
                // SQLite rolls the statement (and an autocommit transaction) back and the connection stays usable:
                // reads go on, and the next write succeeds once there is space again, so this is an answer, not a crash.
                return new SqlError(
                    SqliteCodes.Full,
                    extended,
                    $"The disk holding '{Path}' is full ({message}{(errno == 0 ? "" : "; " + NativeMethods.Describe(errno))}): the write was not made. Reads keep working; writes work again as soon as space is freed.");
            }

            throw Failure($"Database '{Path}' failed", Path, message, primary, extended, errno);
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

    /// <summary>Records which files the connection opened, so that <see cref="CheckFiles"/> can tell whether they are still at their paths.</summary>
    /// <exception cref="DatabaseFailedException">The paths cannot be examined, or no longer name the files SQLite opened.</exception>
    public void RecordFiles()
    {
        _files = new DatabaseFiles(Path);
        if (!DatabaseFiles.Supported)
        {
            return;
        }

        // SQLite compares the inode it holds with the path's (SQLITE_FCNTL_HAS_MOVED): asked after the stat, it proves
        // that the identity recorded is the open file's, so no swap can slip in between.
        var errno = _files.Record(wal: !_readOnly);
        if (errno != 0 || NativeMethods.HasMoved(_db))
        {
            throw Failure($"Cannot check database file '{Path}' after opening it", Path, errno == 0 ? "it moved while being opened" : "stat failed", SqliteCodes.CantOpen, SqliteCodes.CantOpen, errno);
        }
    }

    /// <summary>Whether the database file and its WAL are still the files this connection opened (two <c>stat</c> calls).</summary>
    /// <remarks>
    /// SQLite keeps reading and writing an unlinked inode without any error, so without this check acknowledged writes
    /// would silently vanish with a deleted file.
    /// </remarks>
    public FileState CheckFiles()
    {
        if (_files is null)
        {
            return FileState.InPlace;
        }

        if (!DatabaseFiles.Supported)
        {
            return NativeMethods.HasMoved(_db) ? FileState.DatabaseGone : FileState.InPlace;
        }

        return _files.Check();
    }

    /// <summary>Whether the WAL's path still names the WAL this connection opened.</summary>
    public bool WalInPlace() => _files is { } files && DatabaseFiles.Supported && files.WalInPlace();

    /// <summary>The path and errno that made the last <see cref="CheckFiles"/> answer <see cref="FileState.Inaccessible"/>.</summary>
    public (string Path, int Errno) CheckFailure => _files is { } files ? (files.FailedPath ?? Path, files.FailedErrno) : (Path, 0);

    /// <summary>
    /// Copies every committed page of the WAL into the database file and empties the WAL, through this connection's own
    /// open files (<c>wal_checkpoint(TRUNCATE)</c>), so they land in the file the connection holds even if the WAL's path
    /// no longer names it.
    /// </summary>
    /// <returns>Null when every frame was copied, or why not.</returns>
    public string? CheckpointAll()
    {
        var rc = raw.sqlite3_wal_checkpoint_v2(_db, "main", CheckpointTruncate, out var frames, out var copied);
        if (rc != SqliteCodes.Ok)
        {
            return $"{raw.sqlite3_errmsg(_db).utf8_to_string()} (SQLite error {raw.sqlite3_extended_errcode(_db)}; {NativeMethods.Describe(NativeMethods.SystemErrno(_db))})";
        }

        return frames >= 0 && copied < frames ? $"only {copied} of {frames} WAL frames could be copied (another connection reads the rest)" : null;
    }

    /// <summary>Writes the whole database this connection sees (its file and its WAL) to a new file at <paramref name="destination"/> with SQLite's backup API.</summary>
    /// <returns>Null on success, or why not (the destination is then removed).</returns>
    public string? BackupTo(string destination)
    {
        var rc = raw.sqlite3_open_v2(destination, out var target, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_NOMUTEX, null);
        string? failure = null;
        using (target)
        {
            if (rc == SqliteCodes.Ok)
            {
                using var backup = raw.sqlite3_backup_init(target, "main", _db, "main");
                if (backup is null || backup.IsInvalid)
                {
                    failure = raw.sqlite3_errmsg(target).utf8_to_string();
                }
                else
                {
                    rc = raw.sqlite3_backup_step(backup, -1);
                    if (rc != SqliteCodes.Done)
                    {
                        failure = $"{raw.sqlite3_errstr(rc).utf8_to_string()} ({NativeMethods.Describe(NativeMethods.SystemErrno(target))})";
                    }
                }
            }
            else
            {
                failure = $"{raw.sqlite3_errstr(rc).utf8_to_string()} ({NativeMethods.Describe(NativeMethods.SystemErrno(target))})";
            }
        }

        if (failure is not null)
        {
            foreach (var file in new[] { destination, destination + "-journal" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Already reported: the copy failed; a leftover partial file is named as such.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        return failure;
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
            throw Failure($"Cannot configure database '{Path}' ({sql})", Path, raw.sqlite3_errmsg(_db).utf8_to_string(), rc & 0xFF, extended, NativeMethods.SystemErrno(_db));
        }
    }

    /// <summary>
    /// The one place a connection failure is worded: a cause outside SQLite (permission denied, disk full, read-only file
    /// system) is named first, with the path, and marked transient, since it may be fixed at any moment.
    /// </summary>
    private static DatabaseFailedException Failure(string what, string path, string? sqliteMessage, int primary, int extended, int errno)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        if (errno == 0 && primary == SqliteCodes.Full)
        {
            errno = NativeMethods.ENoSpc; // SQLite says full without a failed system call (max_page_count): the same to the user.
        }

        var cause = errno switch
        {
            NativeMethods.EAcces or NativeMethods.EPerm =>
                $"Permission denied on '{path}' (or its directory '{directory}'): {what}: {sqliteMessage} ({NativeMethods.Describe(errno)}). Fix the modes; the next request tries again.",
            NativeMethods.ENoSpc or NativeMethods.EDQuot =>
                $"The disk holding '{path}' is full: {what}: {sqliteMessage} ({NativeMethods.Describe(errno)}). Free space; the next request tries again.",
            NativeMethods.ERofs =>
                $"The file system holding '{path}' is read-only: {what}: {sqliteMessage} ({NativeMethods.Describe(errno)}). Remount it read-write; the next request tries again.",
            _ => null,
        };
        if (cause is not null)
        {
            return new DatabaseFailedException(cause, primary, extended) { IsTransient = true };
        }

        var detail = errno == 0 ? "" : $"; {NativeMethods.Describe(errno)}";
        return new DatabaseFailedException($"{what}: SQLite error {extended} ({sqliteMessage}{detail}); the connection is no longer usable.", primary, extended);
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
