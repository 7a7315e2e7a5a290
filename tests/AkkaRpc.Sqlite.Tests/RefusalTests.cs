namespace AkkaRpc.Sqlite.Tests;

public sealed class RefusalTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public static TheoryData<string, RefusalReason> Refused() => new()
    {
        { "ATTACH DATABASE 'other.db' AS other", RefusalReason.Attach },
        { "ATTACH ':memory:' AS m", RefusalReason.Attach },
        { "DETACH DATABASE other", RefusalReason.Detach },
        { "VACUUM INTO 'copy.db'", RefusalReason.VacuumInto },
        { "SELECT load_extension('libevil')", RefusalReason.LoadExtension },
        { "PRAGMA writable_schema = ON", RefusalReason.WritableSchema },
        { "PRAGMA main.WRITABLE_SCHEMA = 1", RefusalReason.WritableSchema },
        { "PRAGMA journal_mode = DELETE", RefusalReason.OwnerPragma },
        { "PRAGMA foreign_keys = OFF", RefusalReason.OwnerPragma },
        { "BEGIN", RefusalReason.TransactionControl },
        { "SAVEPOINT s", RefusalReason.TransactionControl },
        { "SELECT 1; SELECT 2", RefusalReason.MultipleStatements },
        { "  -- only a comment", RefusalReason.EmptyStatement },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Statements_reaching_outside_the_database_are_refused_by_default(string sql, RefusalReason reason)
    {
        foreach (var reply in new[] { _db.Database.Execute(new Execute(sql)), _db.Database.Query(new Query(sql)) })
        {
            Assert.True(reply is StatementRefused, reply.ToString());
            var refused = (StatementRefused)reply;
            Assert.Equal(reason, refused.Reason);
            Assert.False(string.IsNullOrEmpty(refused.Message));
        }

        Assert.False(File.Exists(Path.Combine(_db.Directory, "copy.db")));
        Assert.Equal(1L, _db.Scalar("SELECT 1").AsInteger());
    }

    [Fact]
    public void Refused_statement_inside_a_batch_fails_the_batch_at_its_index()
    {
        _db.Exec("CREATE TABLE t(x)");
        var failed = Assert.IsType<BatchFailed>(_db.Database.Batch(new Batch(
            [new Statement("INSERT INTO t VALUES (1)"), new Statement("ATTACH 'x.db' AS x")])));
        Assert.Equal(1, failed.StatementIndex);
        Assert.Equal(RefusalReason.Attach, Assert.IsType<StatementRefused>(failed.Error).Reason);
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
    }

    [Fact]
    public void Reading_a_managed_pragma_and_plain_vacuum_are_allowed()
    {
        Assert.Equal("wal", _db.Scalar("PRAGMA journal_mode").AsText());
        Assert.Equal(0L, _db.Scalar("PRAGMA writable_schema").AsInteger());
        Assert.IsType<ExecuteResult>(_db.Database.Execute(new Execute("VACUUM")));
    }

    [Fact]
    public void Attach_is_allowed_when_configured()
    {
        var db = _db.Reopen(o => o.AllowAttach = true);
        var other = Path.Combine(_db.Directory, "other.db");
        Assert.IsType<ExecuteResult>(db.Execute(new Execute("ATTACH DATABASE ? AS other", SqlParameters.Positional(other))));
        _db.Exec("CREATE TABLE other.t(x)");
        Assert.True(File.Exists(other));
        Assert.IsType<ExecuteResult>(db.Execute(new Execute("DETACH DATABASE other")));
        Assert.Equal(RefusalReason.VacuumInto, Assert.IsType<StatementRefused>(db.Execute(new Execute("VACUUM INTO 'copy.db'"))).Reason);
    }

    [Fact]
    public void Vacuum_into_is_allowed_when_configured()
    {
        var db = _db.Reopen(o => o.AllowVacuumInto = true);
        _db.Exec("CREATE TABLE t(x)");
        var copy = Path.Combine(_db.Directory, "copy.db");
        Assert.IsType<ExecuteResult>(db.Execute(new Execute("VACUUM INTO ?", SqlParameters.Positional(copy))));
        Assert.True(File.Exists(copy));
        Assert.Equal(RefusalReason.Attach, Assert.IsType<StatementRefused>(db.Execute(new Execute("ATTACH 'x.db' AS x"))).Reason);
    }

    public void Dispose() => _db.Dispose();
}
