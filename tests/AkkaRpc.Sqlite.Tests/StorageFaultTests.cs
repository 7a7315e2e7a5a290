namespace AkkaRpc.Sqlite.Tests;

/// <summary>Issue 11 item 7: a data directory made unreadable, and a full disk. Each says its real cause, keeps reads working, and recovers at the first request after the cause is gone.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StorageFaultTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly TestDatabase _other = new(name: "other");

    [Fact]
    public void ADataDirectoryWithoutPermission_RefusesWritesSayingSo_ReadsGoOn_AndTheFirstWriteAfterTheFixSucceeds()
    {
        _db.Exec("CREATE TABLE t (x INTEGER)");
        _db.Exec("INSERT INTO t VALUES (1)");
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM t").AsInteger()); // Leaves a reader open, as a served database has.

        using (new DeniedDirectory(_db.Directory))
        {
            var refused = Assert.IsType<DatabaseUnavailable>(_db.Database.Execute(new Execute("INSERT INTO t VALUES (2)")));
            Assert.StartsWith($"Permission denied on '{_db.FilePath}'", refused.LastFailure, StringComparison.Ordinal);
            Assert.DoesNotContain("deleted", refused.LastFailure, StringComparison.Ordinal);
            Assert.IsType<DatabaseUnavailable>(_db.Database.Begin(new Begin(TimeSpan.FromMinutes(1))));

            // Reads go on through the open files, also when the read's own file check comes due.
            _db.Clock.Advance(SqliteDatabase.ReadFileCheckInterval);
            Assert.Equal(1, _db.Scalar("SELECT count(*) FROM t").AsInteger());

            // Another database, elsewhere, is not affected.
            _other.Exec("CREATE TABLE t (x INTEGER)");
        }

        _db.Exec("INSERT INTO t VALUES (3)");
        Assert.Equal(4, _db.Scalar("SELECT sum(x) FROM t").AsInteger());
        Assert.Empty(_db.Alarms);
    }

    [Fact]
    public void ACommitRefusedForWantOfPermission_EndsTheTransaction_RolledBack()
    {
        _db.Exec("CREATE TABLE t (x INTEGER)");
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromMinutes(1))));
        Assert.IsType<ExecuteResult>(_db.Database.Execute(new Execute("INSERT INTO t VALUES (1)")));

        using (new DeniedDirectory(_db.Directory))
        {
            var refused = Assert.IsType<DatabaseUnavailable>(_db.Database.Commit(new Commit(started.TransactionId)));
            Assert.StartsWith("Permission denied on", refused.LastFailure, StringComparison.Ordinal);
        }

        Assert.Null(_db.Database.ActiveTransactionId);
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        _db.Exec("INSERT INTO t VALUES (2)");
    }

    [Fact]
    public void OpeningWithoutPermission_SaysPermissionDenied_AndIsTransient_ThenOpensOnceFixed()
    {
        using (new DeniedDirectory(_other.Directory))
        {
            var failure = Assert.Throws<DatabaseFailedException>(() => SqliteDatabase.Open("third", _other.Options));
            Assert.True(failure.IsTransient);
            Assert.StartsWith($"Permission denied on '{Path.Combine(_other.Directory, "third.db")}'", failure.Message, StringComparison.Ordinal);
        }

        using var third = SqliteDatabase.Open("third", _other.Options);
        Assert.IsType<Pong>(third.Ping());
    }

    [Fact]
    public void AFullDisk_AnswersWritesWithDiskFull_ReadsGoOn_AndTheFirstWriteAfterSpaceIsFreedSucceeds()
    {
        _db.Exec("CREATE TABLE t (x BLOB)");
        _db.Exec("INSERT INTO t VALUES (1)");
        var pages = _db.Scalar("PRAGMA page_count").AsInteger();
        Assert.Null(_db.Database.CapPagesForTests(pages));

        var full = Assert.IsType<SqlError>(_db.Database.Execute(new Execute("INSERT INTO t VALUES (randomblob(100000))")));
        Assert.Equal(13, full.PrimaryCode);
        Assert.Contains("is full", full.Message, StringComparison.Ordinal);
        Assert.Contains("Reads keep working", full.Message, StringComparison.Ordinal);
        var batch = Assert.IsType<BatchFailed>(_db.Database.Batch(new Batch([new Statement("INSERT INTO t VALUES (2)"), new Statement("INSERT INTO t VALUES (randomblob(100000))")])));
        Assert.Equal(13, Assert.IsType<SqlError>(batch.Error).PrimaryCode);

        // Reads, on a reader and on the writer, and other databases, go on.
        Assert.Equal(1, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        Assert.IsType<Pong>(_db.Database.Ping());
        _other.Exec("CREATE TABLE t (x INTEGER)");

        Assert.Null(_db.Database.CapPagesForTests(1_000_000));
        _db.Exec("INSERT INTO t VALUES (randomblob(100000))");
        Assert.Equal(2, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        Assert.Equal("ok", _db.Scalar("PRAGMA integrity_check").AsText());
    }

    public void Dispose()
    {
        _db.Dispose();
        _other.Dispose();
    }
}
