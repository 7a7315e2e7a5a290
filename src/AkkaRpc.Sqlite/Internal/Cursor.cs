namespace AkkaRpc.Sqlite;

/// <summary>The rows of one query still to be fetched: a live statement positioned on its next row, or rows already buffered.</summary>
internal sealed class Cursor
{
    public Cursor(long id, CursorOwner owner, ColumnInfo[] columns, DatabaseConnection connection, PreparedStatement? statement, Queue<SqlValue[]>? buffered, bool ownsConnection, long lastUsed)
    {
        Id = id;
        Owner = owner;
        Columns = columns;
        Connection = connection;
        Statement = statement;
        Buffered = buffered;
        OwnsConnection = ownsConnection;
        LastUsed = lastUsed;
    }

    public long Id { get; }

    /// <summary>The client that opened it, the only one that may fetch or close it, and its fetches' time limit.</summary>
    public CursorOwner Owner { get; }

    public ColumnInfo[] Columns { get; }

    /// <summary>The connection the statement runs on.</summary>
    public DatabaseConnection Connection { get; }

    /// <summary>The live statement, whose current row has not been sent yet; null for buffered rows.</summary>
    public PreparedStatement? Statement { get; }

    /// <summary>Rows computed up front, for statements that had to run to completion.</summary>
    public Queue<SqlValue[]>? Buffered { get; }

    /// <summary>Whether the cursor holds a reader connection of its own, returned to the pool when it closes.</summary>
    public bool OwnsConnection { get; }

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last fetch.</summary>
    public long LastUsed { get; set; }
}
