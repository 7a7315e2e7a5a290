using SQLitePCL;

namespace AkkaRpc.Sqlite;

/// <summary>One compiled statement and what the engine knows about it.</summary>
internal sealed class PreparedStatement : IDisposable
{
    private ColumnInfo[] _columns;
    private int _columnsAtReprepare;

    public PreparedStatement(string sql, sqlite3_stmt handle, bool attaches)
    {
        Sql = sql;
        Handle = handle;
        Attaches = attaches;
        IsReadOnly = raw.sqlite3_stmt_readonly(handle) != 0;
        _columns = ReadColumns(handle);
        _columnsAtReprepare = raw.sqlite3_stmt_status(handle, SqliteCodes.StmtStatusReprepare, 0);
        CacheNode = new LinkedListNode<PreparedStatement>(this);
    }

    /// <summary>This statement's node in the <see cref="StatementCache"/> recency list, reused so a cache hit allocates nothing.</summary>
    public LinkedListNode<PreparedStatement> CacheNode { get; }

    public string Sql { get; }

    public sqlite3_stmt Handle { get; }

    /// <summary>Whether the statement compiled an ATTACH (see <see cref="StatementAuthorizer"/>).</summary>
    public bool Attaches { get; }

    /// <summary>Whether SQLite says the statement cannot change the database.</summary>
    public bool IsReadOnly { get; }

    /// <summary>The result columns, re-read after SQLite re-compiled the statement for a schema change.</summary>
    public ColumnInfo[] Columns
    {
        get
        {
            var reprepared = raw.sqlite3_stmt_status(Handle, SqliteCodes.StmtStatusReprepare, 0);
            if (reprepared != _columnsAtReprepare)
            {
                _columns = ReadColumns(Handle);
                _columnsAtReprepare = reprepared;
            }

            return _columns;
        }
    }

    /// <summary>Readies the statement for its next use: ends any run and clears bindings.</summary>
    public void Reset()
    {
        // The result of reset repeats the last step's error, which was already reported.
        _ = raw.sqlite3_reset(Handle);
        _ = raw.sqlite3_clear_bindings(Handle);
    }

    public void Dispose() => Handle.Dispose();

    private static ColumnInfo[] ReadColumns(sqlite3_stmt handle)
    {
        var count = raw.sqlite3_column_count(handle);
        if (count == 0)
        {
            return [];
        }

        var columns = new ColumnInfo[count];
        for (var i = 0; i < count; i++)
        {
            columns[i] = new ColumnInfo(
                raw.sqlite3_column_name(handle, i).utf8_to_string() ?? string.Empty,
                raw.sqlite3_column_decltype(handle, i).utf8_to_string());
        }

        return columns;
    }
}
