namespace AkkaRpc.Sqlite.Tests;

public sealed class FailureTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public void Read_only_mode_refuses_writes_with_sqlite_readonly_code_and_still_reads_a_wal_database()
    {
        _db.Exec("CREATE TABLE t(x)");
        _db.Exec("INSERT INTO t VALUES (1)");
        var db = _db.Reopen(o => o.ReadOnly = true);
        var error = Assert.IsType<SqlError>(db.Execute(new Execute("INSERT INTO t VALUES (2)")));
        Assert.Equal(8, error.PrimaryCode);
        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        Assert.True(Assert.IsType<TargetDatabaseInfo>(db.Handle(new TargetDatabase())).ReadOnly);
    }

    [Fact]
    public void Deleting_the_file_underneath_fails_the_next_statement_and_every_later_one()
    {
        _db.Exec("CREATE TABLE t(x)");
        File.Delete(Path.Combine(_db.Directory, "test.db"));
        Assert.Throws<DatabaseFailedException>(() => _db.Database.Query(new Query("SELECT 1")));
        Assert.Throws<DatabaseFailedException>(() => _db.Database.Handle(new Ping()));
    }

    [Fact]
    public void Reopening_after_the_file_was_deleted_starts_a_clean_database_without_stale_wal_pages()
    {
        _db.Exec("CREATE TABLE t(x)");
        _db.Exec("INSERT INTO t VALUES (1)");
        File.Delete(Path.Combine(_db.Directory, "test.db"));
        Assert.Throws<DatabaseFailedException>(() => _db.Database.Execute(new Execute("INSERT INTO t VALUES (2)")));

        _db.Reopen();
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM sqlite_schema").AsInteger());
        Assert.Equal("ok", _db.Scalar("PRAGMA integrity_check").AsText());
        _db.Exec("CREATE TABLE t(x)");
    }

    [Fact]
    public void Reopening_after_a_failure_works_and_keeps_every_committed_row()
    {
        _db.Exec("CREATE TABLE t(x)");
        for (var i = 0; i < 100; i++)
        {
            _db.Exec("INSERT INTO t VALUES (?)", SqlParameters.Positional(i));
        }

        // Renaming the file away fails the owner; once it is back, the supervisor's restart reopens it.
        var path = Path.Combine(_db.Directory, "test.db");
        File.Move(path, path + ".moved");
        Assert.Throws<DatabaseFailedException>(() => _db.Database.Execute(new Execute("INSERT INTO t VALUES (-1)")));
        File.Move(path + ".moved", path);

        _db.Reopen();
        Assert.Equal(100L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        Assert.Equal(4950L, _db.Scalar("SELECT sum(x) FROM t").AsInteger());
    }

    [Fact]
    public void A_file_that_is_not_a_database_fails_the_open()
    {
        File.WriteAllText(Path.Combine(_db.Directory, "junk.db"), new string('x', 4096));
        var error = Assert.Throws<DatabaseFailedException>(() => SqliteDatabase.Open("junk", _db.Options));
        Assert.Equal(26, error.PrimaryCode);
    }

    [Fact]
    public void A_missing_file_fails_the_open_when_creation_is_off()
    {
        var options = new DatabaseOptions { DataDirectory = _db.Directory, CreateIfMissing = false };
        var error = Assert.Throws<DatabaseFailedException>(() => SqliteDatabase.Open("missing", options));
        Assert.Equal(14, error.PrimaryCode);
    }

    [Fact]
    public void Invalid_name_is_rejected_before_touching_the_disk()
    {
        Assert.Throws<ArgumentException>(() => SqliteDatabase.Open("../escape", _db.Options));
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void AReadOfADeletedFile_FailsOnceTheReadCheckIntervalHasPassed_WhileAWriteFailsAtOnce()
    {
        using var db = new TestDatabase();
        db.Exec("CREATE TABLE t (v INTEGER)");
        db.Exec("INSERT INTO t VALUES (1)");
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM t").AsInteger()); // Opens the reader connection first.
        File.Delete(Path.Combine(db.Directory, "test.db"));

        // Within the interval a read still sees the open file's data: nothing is lost by reading it.
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM t").AsInteger());
        db.Clock.Advance(SqliteDatabase.ReadFileCheckInterval);

        Assert.Throws<DatabaseFailedException>(() => db.Database.Query(new Query("SELECT count(*) FROM t", SqlParameters.None)));
    }

    [Fact]
    public void AWriteThroughQuery_ToADeletedFile_FailsAtOnce()
    {
        using var db = new TestDatabase();
        db.Exec("CREATE TABLE t (v INTEGER)");
        File.Delete(Path.Combine(db.Directory, "test.db"));

        Assert.Throws<DatabaseFailedException>(() => db.Database.Query(new Query("INSERT INTO t VALUES (1) RETURNING v", SqlParameters.None)));
    }
}
