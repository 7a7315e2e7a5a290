using Microsoft.Extensions.Time.Testing;

namespace AkkaRpc.Sqlite.Tests;

/// <summary>A database in its own temporary directory, deleted on dispose.</summary>
internal sealed class TestDatabase : IDisposable
{
    public TestDatabase(Action<DatabaseOptions>? configure = null, string name = "test")
    {
        Directory = Path.Combine(Path.GetTempPath(), "akkarpc-sqlite-tests", Guid.NewGuid().ToString("N"));
        Options = new DatabaseOptions { DataDirectory = Directory };
        configure?.Invoke(Options);
        Name = name;
        Database = SqliteDatabase.Open(name, Options, Clock, alarm: Alarms.Add);
    }

    public string Directory { get; }

    public string Name { get; }

    public DatabaseOptions Options { get; }

    public FakeTimeProvider Clock { get; } = new();

    /// <summary>What the engine said at error level (files deleted or replaced underneath, and what it did).</summary>
    public List<string> Alarms { get; } = [];

    /// <summary>The database file's path.</summary>
    public string FilePath => Path.Combine(Directory, Name + ".db");

    public SqliteDatabase Database { get; private set; }

    public SqliteDatabase Reopen(Action<DatabaseOptions>? configure = null)
    {
        Database.Dispose();
        configure?.Invoke(Options);
        Database = SqliteDatabase.Open(Name, Options, Clock, alarm: Alarms.Add);
        return Database;
    }

    public ExecuteResult Exec(string sql, SqlParameters? parameters = null) =>
        Assert.IsType<ExecuteResult>(Database.Execute(new Execute(sql, parameters ?? SqlParameters.None)));

    public QueryResult Query(string sql, SqlParameters? parameters = null) =>
        Assert.IsType<QueryResult>(Database.Query(new Query(sql, parameters ?? SqlParameters.None)));

    public SqlValue Scalar(string sql, SqlParameters? parameters = null) => Query(sql, parameters).Rows.Single().First();

    public void Dispose()
    {
        Database.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test for it is not.
        }
    }
}
