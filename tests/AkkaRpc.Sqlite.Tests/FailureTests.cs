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
    public void Deleting_the_file_underneath_restores_it_from_the_open_connection_at_the_next_ping()
    {
        _db.Exec("CREATE TABLE t(x)");
        File.Delete(_db.FilePath);
        Assert.IsType<Pong>(_db.Database.Handle(new Ping()));
        Assert.True(File.Exists(_db.FilePath));
        Assert.Single(_db.Alarms);

        _db.Reopen();
        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM sqlite_schema").AsInteger());
    }

    [Fact]
    public void A_file_replaced_underneath_fails_the_next_statement_and_every_later_one_and_its_wal_is_not_replayed_into_the_new_file()
    {
        _db.Exec("CREATE TABLE t(x)");
        _db.Exec("INSERT INTO t VALUES (1)");
        var empty = _db.FilePath + ".new";
        File.WriteAllBytes(empty, []);
        File.Move(empty, _db.FilePath, overwrite: true);
        Assert.Throws<DatabaseFailedException>(() => _db.Database.Execute(new Execute("INSERT INTO t VALUES (2)")));
        Assert.Throws<DatabaseFailedException>(() => _db.Database.Handle(new Ping()));

        _db.Reopen();
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM sqlite_schema").AsInteger());
        Assert.Equal("ok", _db.Scalar("PRAGMA integrity_check").AsText());
        _db.Exec("CREATE TABLE t(x)");
    }

    [Fact]
    public void Renaming_the_file_away_keeps_every_committed_row_at_its_path()
    {
        _db.Exec("CREATE TABLE t(x)");
        for (var i = 0; i < 100; i++)
        {
            _db.Exec("INSERT INTO t VALUES (?)", SqlParameters.Positional(i));
        }

        File.Move(_db.FilePath, _db.FilePath + ".moved");
        _db.Exec("INSERT INTO t VALUES (-1)");
        File.Delete(_db.FilePath + ".moved");

        _db.Reopen();
        Assert.Equal(101L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        Assert.Equal(4949L, _db.Scalar("SELECT sum(x) FROM t").AsInteger());
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
    public void AWriteThroughQuery_ToADeletedFile_IsSavedAtItsPathBeforeItIsAcknowledged()
    {
        using var db = new TestDatabase();
        db.Exec("CREATE TABLE t (v INTEGER)");
        File.Delete(db.FilePath);

        var reply = db.Database.Query(new Query("INSERT INTO t VALUES (7) RETURNING v"));
        Assert.True(reply is QueryResult, reply.ToString());
        Assert.Equal(7, Assert.IsType<QueryResult>(reply).Rows[0][0].AsInteger());
        Assert.True(File.Exists(db.FilePath));
        db.Reopen();
        Assert.Equal(7, db.Scalar("SELECT v FROM t").AsInteger());
    }
}
