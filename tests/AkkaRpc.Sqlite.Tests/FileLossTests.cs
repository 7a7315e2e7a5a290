using Microsoft.Data.Sqlite;

namespace AkkaRpc.Sqlite.Tests;

/// <summary>
/// Issue 11 item 7: a database file or WAL deleted or replaced underneath an open database. Every test ends like a
/// SIGKILL would: it copies the files now at the paths (all a killed process leaves behind) and reads the copy.
/// </summary>
public sealed class FileLossTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly List<string> _copies = [];

    [Fact]
    public void TheIssuesScenario_CheckpointInsertDeleteTheWalFiveInserts_KeepsEveryRowThroughAKill()
    {
        _db.Exec("CREATE TABLE t (x INTEGER)");
        Checkpoint();
        _db.Exec("INSERT INTO t VALUES (1)");
        File.Delete(_db.FilePath + "-wal");
        for (var i = 2; i <= 6; i++)
        {
            _db.Exec("INSERT INTO t VALUES ($x)", SqlParameters.Named(("x", i)));
        }

        Assert.Equal(21, CountAfterKill("SELECT sum(x) FROM t"));
        Assert.Equal(6, CountAfterKill("SELECT count(*) FROM t"));

        // Said loudly, once, naming the file and what was done; and the database goes on as before.
        var alarm = Assert.Single(_db.Alarms);
        Assert.Contains($"'{_db.FilePath}-wal' was deleted", alarm, StringComparison.Ordinal);
        Assert.Contains("checkpointed", alarm, StringComparison.Ordinal);
        _db.Exec("INSERT INTO t VALUES (7)");
        Assert.Equal(7, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        Assert.Equal(7, CountAfterKill("SELECT count(*) FROM t"));
    }

    [Fact]
    public void AWalDeletedBetweenTheCheckAndTheCommit_IsSavedBeforeTheCommitIsAcknowledged()
    {
        _db.Exec("CREATE TABLE t (x INTEGER)");
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromMinutes(1))));
        _db.Database.Execute(new Execute("INSERT INTO t VALUES (1)"));
        File.Delete(_db.FilePath + "-wal");
        _db.Database.Execute(new Execute("INSERT INTO t VALUES (2)"));

        Assert.IsType<TransactionEnded>(_db.Database.Commit(new Commit(started.TransactionId)));

        Assert.Equal(2, CountAfterKill("SELECT count(*) FROM t"));
        Assert.Single(_db.Alarms);
    }

    [Fact]
    public void ADeletedDatabaseFile_IsRestoredFromTheOpenConnection_BeforeTheNextWriteIsAcknowledged()
    {
        _db.Exec("CREATE TABLE t (x INTEGER)");
        for (var i = 0; i < 100; i++)
        {
            _db.Exec("INSERT INTO t VALUES ($x)", SqlParameters.Named(("x", i)));
        }

        Checkpoint(); // Some rows only in the file, the next ones only in the WAL.
        _db.Exec("INSERT INTO t VALUES (100)");
        File.Delete(_db.FilePath);
        _db.Exec("INSERT INTO t VALUES (101)");

        Assert.Equal(102, CountAfterKill("SELECT count(*) FROM t"));
        Assert.Contains($"'{_db.FilePath}' was deleted", Assert.Single(_db.Alarms), StringComparison.Ordinal);
        Assert.Equal("ok", _db.Scalar("PRAGMA integrity_check").AsText());
    }

    [Fact]
    public void TheDatabaseFileAndItsWalBothDeleted_AreRestoredFromTheOpenConnection()
    {
        _db.Exec("CREATE TABLE t (x INTEGER)");
        _db.Exec("INSERT INTO t VALUES (1)");
        File.Delete(_db.FilePath);
        File.Delete(_db.FilePath + "-wal");
        File.Delete(_db.FilePath + "-shm");
        _db.Exec("INSERT INTO t VALUES (2)");

        Assert.Equal(2, CountAfterKill("SELECT count(*) FROM t"));
    }

    [Fact]
    public void ARenamedDatabaseFile_IsRestoredAtItsPath_OnTheNextRead()
    {
        _db.Exec("CREATE TABLE t (x INTEGER)");
        _db.Exec("INSERT INTO t VALUES (1)");
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        File.Move(_db.FilePath, _db.FilePath + ".moved");

        // Within the read check interval a read still sees the open file's data; after it, the read restores the file.
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        Assert.False(File.Exists(_db.FilePath));
        _db.Clock.Advance(SqliteDatabase.ReadFileCheckInterval);
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM t").AsInteger());

        Assert.True(File.Exists(_db.FilePath));
        Assert.Equal(1, CountAfterKill("SELECT count(*) FROM t"));
    }

    [Fact]
    public void AReplacedDatabaseFile_IsNotOverwritten_TheOldDataIsSavedBesideIt_AndTheDatabaseMustBeReopened()
    {
        _db.Exec("CREATE TABLE t (x INTEGER)");
        _db.Exec("INSERT INTO t VALUES (1)");
        var other = Path.Combine(_db.Directory, "other.tmp");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE restored (y); INSERT INTO restored VALUES ('kept');";
            command.ExecuteNonQuery();
        }

        File.Move(other, _db.FilePath, overwrite: true);

        var failure = Assert.Throws<DatabaseFailedException>(() => _db.Database.Execute(new Execute("INSERT INTO t VALUES (2)")));
        Assert.Contains("replaced by another file", failure.Message, StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetFiles(_db.Directory, "test.db.replaced-*"));
        Assert.Contains(aside, failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, Scalar(aside, "SELECT count(*) FROM t"));

        // Reopened (as the owner's restart does), the database is the file put in its place.
        _db.Reopen();
        Assert.Equal("kept", ((QueryResult)Show(_db.Database.Query(new Query("SELECT y FROM restored")))).Rows[0][0].AsText());
    }

    [Fact]
    public void AFileThatCannotBeSaved_RefusesWritesAndKeepsTheDataOpen_UntilItCanBeSaved()
    {
        _db.Exec("CREATE TABLE t (x INTEGER)");
        _db.Exec("INSERT INTO t VALUES (1)");
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM t").AsInteger()); // Opens a reader, which stays open for the next read.

        // The whole directory goes: nothing can be written next to the file, so the data lives only in the open files.
        var away = _db.Directory + ".away";
        Directory.Move(_db.Directory, away);
        try
        {
            var refused = Assert.IsType<DatabaseUnavailable>(_db.Database.Execute(new Execute("INSERT INTO t VALUES (2)")));
            Assert.Contains("was deleted or renamed", refused.LastFailure, StringComparison.Ordinal);
            Assert.Contains("saving what the open connection holds failed", refused.LastFailure, StringComparison.Ordinal);
            Assert.Equal(1, _db.Scalar("SELECT count(*) FROM t").AsInteger());

            Directory.CreateDirectory(_db.Directory);
            _db.Exec("INSERT INTO t VALUES (3)");
            Assert.Equal(2, CountAfterKill("SELECT count(*) FROM t"));
            Assert.Equal(4, CountAfterKill("SELECT sum(x) FROM t"));
        }
        finally
        {
            Directory.Delete(away, recursive: true);
        }
    }

    private static DatabaseReply Show(DatabaseReply r) => r is QueryResult ? r : throw new Xunit.Sdk.XunitException(r.ToString());

    public void Dispose()
    {
        _db.Dispose();
        foreach (var copy in _copies)
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Checkpoints the WAL into the file from another connection, as an operator's sqlite3 would.</summary>
    private void Checkpoint()
    {
        using var connection = new SqliteConnection($"Data Source={_db.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }

    /// <summary>What a SIGKILL now would leave: the database file and WAL at their paths (the open handles die with the process).</summary>
    private long CountAfterKill(string sql)
    {
        var copy = Path.Combine(Path.GetTempPath(), "akkarpc-sqlite-tests", "killed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        _copies.Add(copy);
        foreach (var suffix in new[] { "", "-wal" })
        {
            if (File.Exists(_db.FilePath + suffix))
            {
                File.Copy(_db.FilePath + suffix, Path.Combine(copy, "killed.db" + suffix));
            }
        }

        var path = Path.Combine(copy, "killed.db");
        return File.Exists(path) ? Scalar(path, sql) : 0;
    }
}
