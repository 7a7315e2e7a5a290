using Akka.Actor;

namespace AkkaRpc.Sqlite;

/// <summary>One open SQLite database, driven synchronously by its owner actor from one thread at a time.</summary>
/// <remarks>
/// Every request becomes a reply; SQL errors, refusals and limits are <see cref="DatabaseError"/>
/// replies and leave the database usable. Failures that leave a connection unusable (I/O error,
/// full disk, corruption, file deleted or moved) throw <see cref="DatabaseFailedException"/>, after
/// which every call throws again: the owner must dispose this instance and open a new one.
/// <para>
/// Writes, explicit transactions and batches run on one writer connection. Read-only statements
/// outside an explicit transaction run on reader connections: each sees the last committed
/// snapshot (so a client reads its acknowledged writes), and a query that does not fit in one
/// chunk keeps its reader as a cursor, reading a stable WAL snapshot that later writes on the
/// writer do not disturb. The cost is that a checkpoint cannot reset the WAL past an open
/// cursor's snapshot, which <see cref="DatabaseOptions.CursorIdleExpiry"/> and
/// <see cref="DatabaseOptions.MaxOpenCursors"/> bound.
/// </para>
/// </remarks>
internal sealed partial class SqliteDatabase : IDisposable
{
    private readonly DatabaseOptions _options;
    private readonly TimeProvider _time;
    private readonly StatementLimit _limit;
    private readonly Action<string>? _alarm;
    private DatabaseConnection _writer;
    private readonly Stack<DatabaseConnection> _idleReaders = new();

    // Every open reader, idle or held by a cursor, so Dispose closes them even after a failure
    // left one in neither place.
    private readonly HashSet<DatabaseConnection> _readers = [];
    private readonly Dictionary<long, Cursor> _cursors = [];
    private long _nextCursorId;
    private long _nextTransactionId;
    private long? _transactionId;
    private DatabaseFailedException? _failure;
    private bool _disposed;
    private long _lastFileCheck;

    /// <summary>How often read-only statements re-check that the file was not deleted or moved.</summary>
    internal static readonly TimeSpan ReadFileCheckInterval = TimeSpan.FromMilliseconds(100);

    private SqliteDatabase(string name, string path, DatabaseOptions options, TimeProvider time, StatementLimit limit, DatabaseConnection writer, Action<string>? alarm)
    {
        _alarm = alarm;
        Name = name;
        FullPath = path;
        _options = options;
        _time = time;
        _limit = limit;
        _writer = writer;

        // Ids start at a random point so that ids from before an owner restart do not name
        // cursors or transactions of the new instance.
        _nextCursorId = Random.Shared.NextInt64(1, long.MaxValue / 2);
        _nextTransactionId = Random.Shared.NextInt64(1, long.MaxValue / 2);
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>The absolute path of the database file.</summary>
    public string FullPath { get; }

    /// <summary>The number of open cursors.</summary>
    public int OpenCursors => _cursors.Count;

    /// <summary>How many prepared statements the writer connection keeps cached.</summary>
    public int WriterCachedStatements => _writer.CachedStatements;

    /// <summary>The open interactive transaction, if any.</summary>
    public long? ActiveTransactionId => _transactionId;

    /// <summary>Opens database <paramref name="name"/> under <see cref="DatabaseOptions.DataDirectory"/>.</summary>
    /// <param name="name">The database's name.</param>
    /// <param name="options">How to open and serve it.</param>
    /// <param name="timeProvider">The clock for cursor expiry and file checks; the system's by default.</param>
    /// <param name="stopping">Cancelled when the node stops: a statement running then is stopped at once.</param>
    /// <param name="alarm">Told, for the log at error level, when the files were deleted or replaced underneath and what was done about it.</param>
    /// <exception cref="ArgumentException">The name or an option is invalid.</exception>
    /// <exception cref="DatabaseFailedException">The file cannot be opened or configured.</exception>
    public static SqliteDatabase Open(string name, DatabaseOptions options, TimeProvider? timeProvider = null, CancellationToken stopping = default, Action<string>? alarm = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var path = DatabaseNames.ResolvePath(options.DataDirectory, name);
        if (!options.ReadOnly && options.CreateIfMissing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        var limit = new StatementLimit(name, options.MaxStatementTimeout, stopping);
        var writer = DatabaseConnection.Open(path, options, readOnly: options.ReadOnly, create: options.CreateIfMissing, limit);
        try
        {
            writer.RecordFiles();
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        return new SqliteDatabase(name, path, options, timeProvider ?? TimeProvider.System, limit, writer, alarm);
    }

    /// <summary>Answers any request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Who sent it (its system's address): the cursors it opens count against its own limit, and only it may read or close them.</param>
    /// <exception cref="DatabaseFailedException">The database is no longer usable.</exception>
    public DatabaseReply Handle(DatabaseRequest request, Address? client = null) => request switch
    {
        Query q => Query(q, client),
        Fetch f => Fetch(f, client),
        CloseCursor c => CloseCursor(c, client),
        Execute e => Execute(e),
        Batch b => Batch(b),
        Begin b => Begin(b),
        Commit c => Commit(c),
        Rollback r => Rollback(r),
        Ping _ => Ping(),
        TargetDatabase _ => new TargetDatabaseInfo(Name, FullPath, _options.ReadOnly),
        _ => throw new ArgumentException($"{request.GetType().Name} is not a database request this engine answers.", nameof(request)),
    };

    /// <summary>Checks the file and the connection with a trivial read.</summary>
    public DatabaseReply Ping()
    {
        if (Enter() is { } refused)
        {
            return refused;
        }

        return Guard(() =>
        {
            var statement = _writer.Prepare("SELECT 1", out var error);
            if (statement is null)
            {
                return error!;
            }

            var rc = _writer.Step(statement);
            var reply = rc == SqliteCodes.Row ? new Pong(Name) : (DatabaseReply)_writer.ToError(rc);
            _writer.Release(statement);
            return reply;
        });
    }

    /// <summary>Closes every cursor, statement and connection.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var cursor in _cursors.Values.ToList())
        {
            DisposeCursor(cursor);
        }

        foreach (var reader in _readers)
        {
            reader.Dispose();
        }

        _readers.Clear();
        _idleReaders.Clear();

        // Closing the writer with a transaction open rolls it back, as SQLite does.
        _writer.Dispose();
    }

    /// <summary>
    /// Starts every public operation: refuses use after failure or disposal, expires idle cursors and, for a write, checks
    /// that the files are still in place (saving and reopening them if not). Pass <paramref name="checkFile"/> false when
    /// the operation writes nothing or checks itself.
    /// </summary>
    /// <returns>Null to go on, or the reply that refuses the request (the files cannot be checked).</returns>
    private DatabaseError? Enter(bool checkFile = true)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
        {
            throw new DatabaseFailedException($"Database '{Name}' failed earlier and must be reopened: {_failure.Message}", _failure);
        }

        return Guard(() =>
        {
            ExpireIdleCursors();
            return checkFile ? EnsureFiles(committed: false) : null;
        });
    }

    /// <summary>
    /// Acknowledges <paramref name="reply"/> to a write outside a transaction (or a commit) only once the files it went
    /// into are known to be the ones at their paths, or have been saved there.
    /// </summary>
    private DatabaseReply AfterCommit(DatabaseReply reply) =>
        reply is DatabaseError || _transactionId is not null ? reply : Guard(() => EnsureFiles(committed: true)) ?? reply;

    /// <summary>Runs <paramref name="body"/>, remembering a connection failure so later calls fail fast.</summary>
    private T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (DatabaseFailedException failure)
        {
            _failure = failure;
            throw;
        }
    }
}
