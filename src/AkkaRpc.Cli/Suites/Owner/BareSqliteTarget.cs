using AkkaRpc.Sqlite;
using Microsoft.Data.Sqlite;

namespace AkkaRpc.Cli.Suites.Owner;

/// <summary>
/// The floor: the same statements on one <see cref="SqliteConnection"/> with prepared commands and the owner's
/// settings (WAL, the same synchronous level), called directly on the benchmark's thread.
/// </summary>
internal sealed class BareSqliteTarget : IStatementTarget
{
    /// <summary>The label of the floor rows.</summary>
    public const string SystemName = "bare connection";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _query;
    private readonly SqliteCommand _insert;

    public BareSqliteTarget(string path, SynchronousMode synchronous)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Run($"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA foreign_keys = ON;");
        Run(OwnerSchema.Create);
        Run(OwnerSchema.Seed);
        _query = Prepare(OwnerSchema.PointQuery, "$id");
        _insert = Prepare(OwnerSchema.Insert, "$value");
    }

    /// <inheritdoc />
    public string Name => SystemName;

    /// <inheritdoc />
    public ValueTask PointQueryAsync(long id, CancellationToken cancellationToken)
    {
        _query.Parameters[0].Value = id;
        using var reader = _query.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"Row {id} is missing.");
        }

        // Read every column, as the owner does when it builds its reply.
        _ = (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask InsertAsync(long value, CancellationToken cancellationToken)
    {
        _insert.Parameters[0].Value = value;
        _insert.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _query.Dispose();
        _insert.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, string parameter)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter(parameter, 0L));
        command.Prepare();
        return command;
    }
}
