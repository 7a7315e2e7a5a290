namespace AkkaRpc.Sqlite;

/// <summary>How an owner opens and serves one database.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The directory that holds database files; names resolve to <c>&lt;DataDirectory&gt;/&lt;name&gt;.db</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Whether to create the file when it does not exist; ignored when <see cref="ReadOnly"/>.</summary>
    public bool CreateIfMissing { get; set; } = true;

    /// <summary>Open the file read-only: every write fails with SQLite's <c>SQLITE_READONLY</c> (8). WAL databases stay readable.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>How long a statement waits for another connection's lock before it fails as <see cref="Busy"/>.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>PRAGMA synchronous</c> level. <see cref="SynchronousMode.Full"/> makes every acknowledged write durable on disk.</summary>
    public SynchronousMode Synchronous { get; set; } = SynchronousMode.Full;

    /// <summary>The longest SQL text accepted, in UTF-16 characters; longer text is refused before SQLite sees it.</summary>
    public int MaxStatementLength { get; set; } = 100_000;

    /// <summary>The most statements one <see cref="Batch"/> may hold.</summary>
    public int MaxBatchStatements { get; set; } = 10_000;

    /// <summary>The most rows in one <see cref="QueryResult"/> chunk.</summary>
    public int MaxRowsPerChunk { get; set; } = 1_000;

    /// <summary>The most value bytes in one chunk (estimated as 8 per number, the UTF-8 length of text, the length of a blob); a single larger row still goes out alone.</summary>
    public int MaxBytesPerChunk { get; set; } = 1 << 20;

    /// <summary>
    /// The most value bytes one row of a reply may hold (counted as <see cref="MaxBytesPerChunk"/> counts them); a
    /// bigger row is answered with <c>LimitExceeded</c> (<c>ReplySize</c>) instead, because no frame would carry it.
    /// The default leaves room under the transport's 16 MiB frame; a node sets it from its own.
    /// </summary>
    public int MaxReplyBytes { get; set; } = (16 << 20) - (256 << 10);

    /// <summary>How many prepared statements each connection keeps, least recently used evicted first.</summary>
    public int StatementCacheCapacity { get; set; } = 128;

    /// <summary>The most cursors open at once on the database, of all clients together; each holds a read snapshot and a connection.</summary>
    public int MaxOpenCursors { get; set; } = 64;

    /// <summary>
    /// The most cursors one client (one process, told apart by its address) may hold open on the database, so that a
    /// client that leaves cursors unread cannot take every one from the others; its cursors close when it disconnects.
    /// </summary>
    public int MaxCursorsPerClient { get; set; } = 16;

    /// <summary>How long a request's statements may run (a <see cref="Batch"/> all together, a <see cref="Fetch"/> each) when the request names no limit of its own.</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest limit a request may ask for; a request asking for more runs under this one.</summary>
    public TimeSpan MaxStatementTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a cursor may go unfetched before it is closed.</summary>
    public TimeSpan CursorIdleExpiry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Permit ATTACH and DETACH.</summary>
    public bool AllowAttach { get; set; }

    /// <summary>Permit VACUUM INTO.</summary>
    public bool AllowVacuumInto { get; set; }

    /// <summary>Permit the load_extension() SQL function.</summary>
    public bool AllowLoadExtension { get; set; }

    /// <summary>Permit setting PRAGMA writable_schema, and turn off SQLite's defensive mode.</summary>
    public bool AllowWritableSchema { get; set; }

    /// <summary>Checks that every value is in range.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(DataDirectory);
        Positive(MaxStatementLength, nameof(MaxStatementLength));
        Positive(MaxBatchStatements, nameof(MaxBatchStatements));
        Positive(MaxRowsPerChunk, nameof(MaxRowsPerChunk));
        Positive(MaxBytesPerChunk, nameof(MaxBytesPerChunk));
        Positive(MaxReplyBytes, nameof(MaxReplyBytes));
        Positive(StatementCacheCapacity, nameof(StatementCacheCapacity));
        Positive(MaxOpenCursors, nameof(MaxOpenCursors));
        Positive(MaxCursorsPerClient, nameof(MaxCursorsPerClient));
        if (BusyTimeout < TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException($"{nameof(BusyTimeout)} must be between zero and {int.MaxValue} ms.");
        }

        if (StatementTimeout <= TimeSpan.Zero || MaxStatementTimeout < StatementTimeout || MaxStatementTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException(
                $"{nameof(StatementTimeout)} must be positive and {nameof(MaxStatementTimeout)} at least as long, and at most {int.MaxValue} ms.");
        }

        if (CursorIdleExpiry <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(CursorIdleExpiry)} must be positive.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"{name} must be positive, not {value}.");
        }
    }
}
