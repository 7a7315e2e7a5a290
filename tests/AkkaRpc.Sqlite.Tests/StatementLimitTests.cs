using System.Diagnostics;

namespace AkkaRpc.Sqlite.Tests;

/// <summary>
/// Statements stopped inside SQLite at their time limit. The runaway statements run for real, on the machine's clock
/// (no test clock can make SQLite's virtual machine go faster); every wait is a dilated ceiling, never an ordering.
/// </summary>
public sealed class StatementLimitTests : IDisposable
{
    /// <summary>Never ends: counts up for ever.</summary>
    internal const string Runaway = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

    private static readonly TimeSpan Default = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Maximum = TimeSpan.FromMilliseconds(400);

    private readonly TestDatabase _db = new(o =>
    {
        o.StatementTimeout = Default;
        o.MaxStatementTimeout = Maximum;
    });

    public StatementLimitTests() => _db.Exec("CREATE TABLE t(x INTEGER)");

    [Fact]
    public void A_query_that_never_ends_is_stopped_at_the_default_limit_with_its_own_error_and_the_database_works_on()
    {
        var watch = Stopwatch.StartNew();
        var timedOut = Assert.IsType<StatementTimedOut>(_db.Database.Query(new Query(Runaway)));
        watch.Stop();

        Assert.Equal(Default, timedOut.Limit);
        Assert.Equal(Maximum, timedOut.Maximum);
        Assert.False(timedOut.TransactionRolledBack);
        Assert.Equal(Runaway, timedOut.Sql);
        Assert.Contains("time limit of 00:00:00.2", timedOut.Message, StringComparison.Ordinal);
        Assert.Contains("max-statement-timeout", timedOut.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, Default, Default + TestTime.Seconds(5));
        Assert.Equal(1L, _db.Scalar("SELECT 1").AsInteger());
    }

    [Fact]
    public void A_request_may_ask_for_less_and_no_more_than_the_maximum()
    {
        var shorter = TimeSpan.FromMilliseconds(50);
        Assert.Equal(shorter, Assert.IsType<StatementTimedOut>(_db.Database.Query(new Query(Runaway) { TimeLimit = shorter })).Limit);

        var capped = Assert.IsType<StatementTimedOut>(_db.Database.Query(new Query(Runaway) { TimeLimit = TimeSpan.FromHours(1) }));
        Assert.Equal(Maximum, capped.Limit);
        Assert.Contains("already had the longest limit", capped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runaway_write_is_stopped_and_undone()
    {
        var timedOut = Assert.IsType<StatementTimedOut>(_db.Database.Execute(new Execute(
            "INSERT INTO t WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c")));

        Assert.Equal(Default, timedOut.Limit);
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        _db.Exec("INSERT INTO t VALUES (1)");
        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
    }

    [Fact]
    public void A_batch_is_limited_as_a_whole_and_rolled_back_when_stopped()
    {
        var failed = Assert.IsType<BatchFailed>(_db.Database.Batch(new Batch(
            [new Statement("INSERT INTO t VALUES (1)"), new Statement(Runaway)]) { TimeLimit = TimeSpan.FromMilliseconds(100) }));

        Assert.Equal(1, failed.StatementIndex);
        Assert.Equal(TimeSpan.FromMilliseconds(100), Assert.IsType<StatementTimedOut>(failed.Error).Limit);
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        Assert.IsType<BatchResult>(_db.Database.Batch(new Batch([new Statement("INSERT INTO t VALUES (2)")])));
    }

    [Fact]
    public void Each_fetch_of_a_cursor_runs_under_its_querys_limit()
    {
        var db = _db.Reopen(o => o.MaxRowsPerChunk = 10);

        // Twenty rows come quickly, then the search for a twenty-first never ends.
        var first = Assert.IsType<QueryResult>(db.Query(new Query(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c WHERE x <= 20 OR x < 0") { TimeLimit = TimeSpan.FromMilliseconds(150) }));
        Assert.Equal(10, first.Rows.Count);
        var cursor = first.CursorId!.Value;

        var timedOut = Assert.IsType<StatementTimedOut>(db.Fetch(new Fetch(cursor)));
        Assert.Equal(TimeSpan.FromMilliseconds(150), timedOut.Limit);
        Assert.IsType<CursorNotFound>(db.Fetch(new Fetch(cursor)));
        Assert.Equal(0, db.OpenCursors);
    }

    [Fact]
    public void A_statement_stopped_inside_a_transaction_rolls_the_transaction_back_and_says_so()
    {
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromMinutes(1))));
        _db.Exec("INSERT INTO t VALUES (1)");

        // A read: SQLite would keep the transaction, but a stopped statement always ends it, so the holder has one rule.
        var timedOut = Assert.IsType<StatementTimedOut>(_db.Database.Query(new Query(Runaway)));

        Assert.True(timedOut.TransactionRolledBack);
        Assert.Contains("the transaction it ran in was rolled back", timedOut.Message, StringComparison.Ordinal);
        Assert.Null(_db.Database.ActiveTransactionId);
        Assert.IsType<TransactionNotFound>(_db.Database.Commit(new Commit(started.TransactionId)));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
        _db.Exec("INSERT INTO t VALUES (2)");
        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
    }

    [Fact]
    public void A_batch_stopped_inside_a_transaction_ends_it_cleanly_although_SQLite_already_rolled_it_back()
    {
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromMinutes(1))));
        _db.Exec("INSERT INTO t VALUES (1)");

        // A write stopped in the batch's savepoint makes SQLite roll back the whole transaction, savepoint and all.
        var failed = Assert.IsType<BatchFailed>(_db.Database.Batch(new Batch(
        [
            new Statement("INSERT INTO t VALUES (2)"),
            new Statement("INSERT INTO t WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"),
        ])));

        Assert.Equal(1, failed.StatementIndex);
        Assert.True(Assert.IsType<StatementTimedOut>(failed.Error).TransactionRolledBack);
        Assert.Null(_db.Database.ActiveTransactionId);
        Assert.IsType<TransactionNotFound>(_db.Database.Rollback(new Rollback(started.TransactionId)));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
    }

    [Fact]
    public void A_stopping_node_stops_statements_at_once_whatever_their_limit()
    {
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();
        using var db = SqliteDatabase.Open("stopping", new DatabaseOptions { DataDirectory = _db.Directory, MaxStatementTimeout = TimeSpan.FromHours(1) }, stopping: stopping.Token);

        var watch = Stopwatch.StartNew();
        var unavailable = Assert.IsType<DatabaseUnavailable>(db.Query(new Query(Runaway) { TimeLimit = TimeSpan.FromHours(1) }));

        Assert.Contains("shutting down", unavailable.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TestTime.Seconds(5), $"took {watch.Elapsed}");

        // What finishes within a progress period still runs: the engine's own statements, and a point query.
        Assert.IsType<Pong>(db.Ping());
        Assert.IsType<QueryResult>(db.Query(new Query("SELECT 1")));
    }

    // SQLite calls the progress handler once more as sqlite3_step returns, after OP_Halt: for an autocommit write that
    // is after its COMMIT, so stopping it there would report "no effect" for a row that is in the file. A cached
    // statement's instruction count carries over between runs, so every few dozen short writes cross a progress period.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_committed_write_is_never_reported_as_stopped(bool nodeStopping)
    {
        const int Writes = 5_000;
        var options = new DatabaseOptions { DataDirectory = _db.Directory, MaxRowsPerChunk = Writes };

        // Either the node is stopping, or every write is already past its time limit when it starts.
        TimeSpan? limit = nodeStopping ? null : TimeSpan.FromTicks(1);
        var answered = new Dictionary<long, DatabaseReply>();
        using (var stopping = new CancellationTokenSource())
        using (var db = SqliteDatabase.Open("committed", options, stopping: stopping.Token))
        {
            Assert.IsType<ExecuteResult>(db.Execute(new Execute("CREATE TABLE w(x INTEGER PRIMARY KEY)")));
            if (nodeStopping)
            {
                stopping.Cancel();
            }

            for (long x = 0; x < Writes; x++)
            {
                answered[x] = db.Execute(new Execute("INSERT INTO w(x) VALUES ($x)", SqlParameters.Named(("x", x))) { TimeLimit = limit });
            }
        }

        using var reopened = SqliteDatabase.Open("committed", options);
        var stored = Assert.IsType<QueryResult>(reopened.Query(new Query("SELECT x FROM w"))).Rows.Select(r => r[0].AsInteger()).ToHashSet();
        Assert.Empty(answered.Where(a => a.Value is not ExecuteResult && stored.Contains(a.Key)).Select(a => $"{a.Key}: {a.Value}"));
        Assert.Empty(answered.Where(a => a.Value is ExecuteResult && !stored.Contains(a.Key)).Select(a => a.Key));
        Assert.All(answered.Values, reply => Assert.True(reply is ExecuteResult or DatabaseUnavailable or StatementTimedOut, reply.ToString()));
    }

    [Fact]
    public void Limits_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new DatabaseOptions { StatementTimeout = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentException>(() => new DatabaseOptions { StatementTimeout = TimeSpan.FromMinutes(2), MaxStatementTimeout = TimeSpan.FromMinutes(1) }.Validate());
        Assert.Throws<ArgumentException>(() => new DatabaseOptions { MaxCursorsPerClient = 0 }.Validate());
    }

    public void Dispose() => _db.Dispose();
}
