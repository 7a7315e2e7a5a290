using System.Diagnostics;
using SQLitePCL;

namespace AkkaRpc.Sqlite;

/// <summary>
/// Stops a running statement inside SQLite once its request's time limit has passed or the node is stopping. SQLite
/// calls <see cref="Callback"/> (its progress handler) every <see cref="ProgressPeriod"/> virtual-machine instructions
/// of a running statement; a nonzero answer makes the statement fail with <c>SQLITE_INTERRUPT</c>, and SQLite undoes it
/// as it undoes any failed statement, leaving the connection usable.
/// </summary>
/// <remarks>
/// <para>
/// One per engine, registered on its writer and every reader, and used from the owner's thread, except for the stop
/// token, which the supervisor cancels from its own. Only a user statement stepped within a request's limit
/// (<see cref="Start"/> to <see cref="End"/>, <see cref="Watch"/> to <see cref="Unwatch"/>) can be stopped: the engine's
/// own BEGIN, COMMIT and ROLLBACK never are, so undoing a stopped batch cannot itself be stopped.
/// </para>
/// <para>
/// The deadline is read on the machine's clock, not the owner's (virtual in tests): a statement's run time is work done
/// on this machine, which no test clock can hurry, and there is no timer to move.
/// </para>
/// </remarks>
internal sealed class StatementLimit
{
    /// <summary>
    /// The instructions between two looks at the clock. A point query runs a few dozen, so it never pays for a look; a
    /// runaway statement runs this many in tens of microseconds, so it is stopped well within a millisecond of its limit.
    /// </summary>
    public const int ProgressPeriod = 1000;

    // The most SQL text an error quotes; enough to recognise the statement.
    private const int QuotedSqlLength = 200;

    private readonly string _database;
    private readonly TimeSpan _maximum;
    private readonly CancellationToken _stopping;
    private long _deadline;
    private bool _armed;
    private sqlite3_stmt? _stepping;
    private string _sql = string.Empty;

    /// <summary>Creates the limit of database <paramref name="database"/>, whose requests may ask for up to <paramref name="maximum"/>.</summary>
    public StatementLimit(string database, TimeSpan maximum, CancellationToken stopping)
    {
        _database = database;
        _maximum = maximum;
        _stopping = stopping;
        Callback = OnProgress;
    }

    /// <summary>The progress handler registered with SQLite; held here so it lives as long as the connections.</summary>
    public delegate_progress Callback { get; }

    /// <summary>Why the current request's statement was stopped, if it was.</summary>
    public StatementStop Stopped { get; private set; }

    /// <summary>The limit of the current (or last) request.</summary>
    public TimeSpan Limit { get; private set; }

    /// <summary>Starts a request's clock: from now its statements may run for <paramref name="limit"/>.</summary>
    public void Start(TimeSpan limit)
    {
        Limit = limit;
        Stopped = StatementStop.None;
        _deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        _armed = true;
    }

    /// <summary>Ends the request's clock; statements run from now on are not stopped.</summary>
    public void End() => _armed = false;

    /// <summary>Marks <paramref name="statement"/> as the user statement now stepping.</summary>
    public void Watch(PreparedStatement statement)
    {
        _sql = statement.Sql;
        _stepping = statement.Handle;
    }

    /// <summary>Marks the end of a user statement's step.</summary>
    public void Unwatch() => _stepping = null;

    /// <summary>The reply for a stopped statement: <see cref="StatementTimedOut"/>, or <see cref="DatabaseUnavailable"/> when the node is stopping.</summary>
    public DatabaseError ToError() => Stopped == StatementStop.NodeStopping
        ? new DatabaseUnavailable(_database, "the node is shutting down: the statement was stopped before it finished and had no effect")
        : new StatementTimedOut(Quote(_sql), Limit, _maximum, TransactionRolledBack: false);

    private static string Quote(string sql)
    {
        var text = sql.Trim();
        return text.Length <= QuotedSqlLength ? text : string.Concat(text.AsSpan(0, QuotedSqlLength), "…");
    }

    private int OnProgress(object userData)
    {
        // SQLite also calls this as sqlite3_step returns, after the statement has halted: for an autocommit write,
        // after its COMMIT. Stopping it there would fail a statement that took effect, so a halted one is let be.
        if (!_armed || _stepping is not { } statement || raw.sqlite3_stmt_busy(statement) == 0)
        {
            return 0;
        }

        if (_stopping.IsCancellationRequested)
        {
            Stopped = StatementStop.NodeStopping;
            return 1;
        }

        if (Stopwatch.GetTimestamp() >= _deadline)
        {
            Stopped = StatementStop.TimedOut;
            return 1;
        }

        return 0;
    }
}
