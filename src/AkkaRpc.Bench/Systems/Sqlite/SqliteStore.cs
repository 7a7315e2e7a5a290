using Microsoft.Data.Sqlite;

namespace AkkaRpc.Bench.Systems.Sqlite;

/// <summary>
/// The benchmark's statements on one Microsoft.Data.Sqlite connection: what a user without AkkaRpc would write, used by
/// the HTTP baseline's server and by the in-process floor. SQLite is synchronous; these methods are too.
/// </summary>
internal sealed class SqliteStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens <paramref name="path"/> (pooled) with the durability AkkaRpc's owner uses: WAL, synchronous FULL, a busy timeout.</summary>
    public static SqliteStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();

        // synchronous and busy_timeout are per connection, so a pooled connection is set up again on every open.
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        return new SqliteStore(connection);
    }

    /// <summary>Creates the schema and seed rows in <paramref name="path"/> in WAL mode.</summary>
    public static void Prepare(string path)
    {
        using var store = Open(path);
        Execute(store._connection, "PRAGMA journal_mode = WAL;");
        foreach (var statement in BenchSchema.Create)
        {
            Execute(store._connection, statement);
        }
    }

    /// <summary>Reads row <paramref name="id"/>, or null when it is missing.</summary>
    public ItemRow? PointQuery(long id)
    {
        using var command = Command(BenchSchema.PointQuery, ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ItemRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : null;
    }

    /// <summary>Inserts a row and returns its id.</summary>
    public long Insert(long value)
    {
        using var command = Command(BenchSchema.Insert, ("$value", value));
        command.ExecuteNonQuery();
        using var last = Command("SELECT last_insert_rowid()");
        return (long)last.ExecuteScalar()!;
    }

    /// <summary>Stores a blob and returns its id.</summary>
    public long InsertBlob(byte[] data)
    {
        using var command = Command(BenchSchema.InsertBlob, ("$data", data));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Reads a blob, or null when it is missing.</summary>
    public byte[]? SelectBlob(long id)
    {
        using var command = Command(BenchSchema.SelectBlob, ("$id", id));
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>Stores one chunk of a file.</summary>
    public void InsertChunk(long transfer, int sequence, byte[] data)
    {
        using var command = Command(BenchSchema.InsertChunk, ("$transfer", transfer), ("$seq", sequence), ("$data", data));
        command.ExecuteNonQuery();
    }

    /// <summary>Reads one chunk of a file, or null when it is missing.</summary>
    public byte[]? SelectChunk(long transfer, int sequence)
    {
        using var command = Command(BenchSchema.SelectChunk, ("$transfer", transfer), ("$seq", sequence));
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>Deletes every chunk of a file.</summary>
    public void DeleteTransfer(long transfer)
    {
        using var command = Command(BenchSchema.DeleteTransfer, ("$transfer", transfer));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
