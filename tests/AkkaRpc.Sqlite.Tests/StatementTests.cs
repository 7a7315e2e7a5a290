namespace AkkaRpc.Sqlite.Tests;

public sealed class StatementTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public StatementTests()
    {
        _db.Exec("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, qty INTEGER)");
    }

    [Fact]
    public void Execute_reports_rows_affected_and_last_insert_rowid()
    {
        var first = _db.Exec("INSERT INTO items(name, qty) VALUES ('a', 1)");
        var second = _db.Exec("INSERT INTO items(name, qty) VALUES ('b', 2)");
        Assert.Equal(new ExecuteResult(1, 1), first);
        Assert.Equal(new ExecuteResult(1, 2), second);
        Assert.Equal(2, _db.Exec("UPDATE items SET qty = qty + 1").RowsAffected);
        Assert.Equal(0, _db.Exec("CREATE TABLE other(x)").RowsAffected);
        Assert.Equal(0, _db.Exec("UPDATE items SET qty = 0 WHERE id = 99").RowsAffected);
        Assert.Equal(0, _db.Exec("SELECT * FROM items").RowsAffected);
    }

    [Fact]
    public void Positional_parameters_bind_in_order()
    {
        _db.Exec("INSERT INTO items(name, qty) VALUES (?, ?)", SqlParameters.Positional("p", 5));
        Assert.Equal(5L, _db.Scalar("SELECT qty FROM items WHERE name = ?1", SqlParameters.Positional("p")).AsInteger());
    }

    [Fact]
    public void Named_parameters_bind_with_or_without_their_prefix()
    {
        _db.Exec("INSERT INTO items(name, qty) VALUES ($name, :qty)", SqlParameters.Named(("name", "n"), (":qty", 9)));
        Assert.Equal(9L, _db.Scalar("SELECT qty FROM items WHERE name = @name", SqlParameters.Named(("name", "n"))).AsInteger());
    }

    [Fact]
    public void Missing_or_unknown_parameters_are_range_errors()
    {
        var missing = Assert.IsType<SqlError>(_db.Database.Query(new Query("SELECT $a, $b", SqlParameters.Named(("a", 1)))));
        Assert.Equal(25, missing.PrimaryCode);
        Assert.Contains("$b", missing.Message, StringComparison.Ordinal);
        var unknown = Assert.IsType<SqlError>(_db.Database.Query(new Query("SELECT $a", SqlParameters.Named(("a", 1), ("zz", 2)))));
        Assert.Contains("zz", unknown.Message, StringComparison.Ordinal);
        var count = Assert.IsType<SqlError>(_db.Database.Query(new Query("SELECT ?, ?", SqlParameters.Positional(1))));
        Assert.Equal(25, count.PrimaryCode);
    }

    [Fact]
    public void Unique_violation_is_an_sql_error_with_sqlite_codes_and_the_database_still_works()
    {
        _db.Exec("INSERT INTO items(name) VALUES ('dup')");
        var error = Assert.IsType<SqlError>(_db.Database.Execute(new Execute("INSERT INTO items(name) VALUES ('dup')")));
        Assert.Equal(19, error.PrimaryCode);
        Assert.Equal(2067, error.ExtendedCode);
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
        _db.Exec("INSERT INTO items(name) VALUES ('other')");
        Assert.Equal(2L, _db.Scalar("SELECT count(*) FROM items").AsInteger());
    }

    [Fact]
    public void Syntax_error_is_an_sql_error()
    {
        var error = Assert.IsType<SqlError>(_db.Database.Query(new Query("SELEC 1")));
        Assert.Equal(1, error.PrimaryCode);
    }

    [Fact]
    public void Foreign_keys_are_enforced()
    {
        _db.Exec("CREATE TABLE child(id INTEGER PRIMARY KEY, item INTEGER REFERENCES items(id))");
        var error = Assert.IsType<SqlError>(_db.Database.Execute(new Execute("INSERT INTO child(item) VALUES (42)")));
        Assert.Equal(787, error.ExtendedCode); // SQLITE_CONSTRAINT_FOREIGNKEY
    }

    [Fact]
    public void Statement_over_the_length_limit_is_refused_without_running()
    {
        var db = _db.Reopen(o => o.MaxStatementLength = 50);
        var sql = "INSERT INTO items(name) VALUES ('" + new string('x', 100) + "')";
        var error = Assert.IsType<LimitExceeded>(db.Execute(new Execute(sql)));
        Assert.Equal(new LimitExceeded(LimitKind.StatementLength, 50, sql.Length), error);
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM items").AsInteger());
    }

    [Fact]
    public void Batch_commits_all_statements_together()
    {
        var result = Assert.IsType<BatchResult>(_db.Database.Batch(new Batch(
        [
            new Statement("INSERT INTO items(name) VALUES ('a')"),
            new Statement("INSERT INTO items(name) VALUES (?)", SqlParameters.Positional("b")),
        ])));
        Assert.Equal([new ExecuteResult(1, 1), new ExecuteResult(1, 2)], result.Results);
        Assert.Equal(2L, _db.Scalar("SELECT count(*) FROM items").AsInteger());
    }

    [Fact]
    public void Batch_failing_at_its_third_statement_leaves_nothing_and_names_index_2()
    {
        var failed = Assert.IsType<BatchFailed>(_db.Database.Batch(new Batch(
        [
            new Statement("INSERT INTO items(name) VALUES ('a')"),
            new Statement("INSERT INTO items(name) VALUES ('b')"),
            new Statement("INSERT INTO items(name) VALUES ('a')"),
        ])));
        Assert.Equal(2, failed.StatementIndex);
        Assert.Equal(2067, Assert.IsType<SqlError>(failed.Error).ExtendedCode);
        Assert.Contains("Statement 2", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM items").AsInteger());
        _db.Exec("INSERT INTO items(name) VALUES ('a')"); // No transaction was left open.
    }

    [Fact]
    public void Interactive_transaction_commits()
    {
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromSeconds(30))));
        _db.Exec("INSERT INTO items(name) VALUES ('t')");
        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM items").AsInteger()); // Reads inside see the transaction.
        Assert.Equal(new TransactionEnded(started.TransactionId, true), _db.Database.Commit(new Commit(started.TransactionId)));
        Assert.Null(_db.Database.ActiveTransactionId);
        Assert.Equal(1L, _db.Reopen().Query(new Query("SELECT count(*) FROM items")) is QueryResult r ? r.Rows[0][0].AsInteger() : -1);
    }

    [Fact]
    public void Interactive_transaction_rolls_back_including_a_batch_inside_it()
    {
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromSeconds(30))));
        _db.Exec("INSERT INTO items(name) VALUES ('t')");
        Assert.IsType<BatchResult>(_db.Database.Batch(new Batch([new Statement("INSERT INTO items(name) VALUES ('u')")])));
        Assert.IsType<TransactionInProgress>(_db.Database.Begin(new Begin(TimeSpan.FromSeconds(1))));
        Assert.IsType<TransactionNotFound>(_db.Database.Commit(new Commit(started.TransactionId + 1)));
        Assert.Equal(new TransactionEnded(started.TransactionId, false), _db.Database.Rollback(new Rollback(started.TransactionId)));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM items").AsInteger());
    }

    [Fact]
    public void Failed_batch_inside_a_transaction_undoes_only_the_batch()
    {
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromSeconds(30))));
        _db.Exec("INSERT INTO items(name) VALUES ('kept')");
        var failed = Assert.IsType<BatchFailed>(_db.Database.Batch(new Batch(
            [new Statement("INSERT INTO items(name) VALUES ('gone')"), new Statement("INSERT INTO items(name) VALUES ('kept')")])));
        Assert.Equal(1, failed.StatementIndex);
        _db.Database.Commit(new Commit(started.TransactionId));
        Assert.Equal("kept", _db.Scalar("SELECT group_concat(name) FROM items").AsText());
    }

    [Fact]
    public void Ping_and_target_database_answer()
    {
        Assert.Equal(new Pong("test"), _db.Database.Handle(new Ping()));
        var info = Assert.IsType<TargetDatabaseInfo>(_db.Database.Handle(new TargetDatabase()));
        Assert.Equal(Path.Combine(_db.Directory, "test.db"), info.FullPath);
    }

    [Fact]
    public void Query_with_returning_commits_and_returns_rows()
    {
        var result = _db.Query("INSERT INTO items(name) VALUES ('r') RETURNING id, name");
        Assert.Equal([SqlValue.FromInteger(1), "r"], result.Rows.Single());
        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM items").AsInteger());
    }

    public void Dispose() => _db.Dispose();
}
