using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;

namespace AkkaRpc.Sqlite.Tests.Owners;

/// <summary>
/// Akka.TestKit with virtual time (Akka's <see cref="TestScheduler"/>: every timer, lease, backoff and clock reading of
/// the owners moves only when a test advances it), a temporary data directory and <c>/user/databases</c> started on it.
/// </summary>
public abstract class OwnerTestKit : AkkaRpcTestKit
{
    private static readonly Config VirtualTime = ConfigurationFactory.ParseString(
        """akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """);

    protected OwnerTestKit(Func<DatabasesOptions, DatabasesOptions>? configure = null)
        : base(VirtualTime)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "akkarpc-owner-tests", Guid.NewGuid().ToString("N"));
        var options = new DatabasesOptions
        {
            // A write blocked by the test's own lock (HoldWriteLock) waits for the test, not for the busy timeout.
            Database = new DatabaseOptions { DataDirectory = DataDirectory, BusyTimeout = TimeSpan.FromMinutes(2) },
        };
        Options = configure?.Invoke(options) ?? options;
        Databases = Sys.ActorOf(DatabasesSupervisor.Props(Options), DatabasesSupervisor.Name);
    }

    protected string DataDirectory { get; }

    protected DatabasesOptions Options { get; }

    protected IActorRef Databases { get; }

    protected TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    /// <summary>Resolves <paramref name="name"/> to its owner, failing the test on any other answer.</summary>
    protected IActorRef Resolve(string name)
    {
        Databases.Tell(new Resolve(name), TestActor);
        return ExpectMsg<Resolved>().Owner;
    }

    /// <summary>Sends <paramref name="request"/> from the test actor and returns the reply of type <typeparamref name="T"/>.</summary>
    protected T Request<T>(IActorRef owner, DatabaseRequest request, TimeSpan? ceiling = null)
        where T : DatabaseReply
    {
        owner.Tell(request, TestActor);
        var reply = ExpectMsg<DatabaseReply>(ceiling);
        return reply as T ?? throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name} but the owner answered {reply}.");
    }

    protected ExecuteResult Exec(IActorRef owner, string sql, SqlParameters? parameters = null) =>
        Request<ExecuteResult>(owner, new Execute(sql, parameters ?? SqlParameters.None));

    protected long Count(IActorRef owner, string table) =>
        Request<QueryResult>(owner, new Query($"SELECT count(*) FROM {table}", SqlParameters.None)).Rows[0][0].AsInteger();

    /// <summary>Creates table <c>n</c> holding the integers 1 to <paramref name="count"/>, and opens a cursor over them.</summary>
    protected QueryResult QueryNumbers(IActorRef owner, int count)
    {
        Exec(owner, "CREATE TABLE n (i INTEGER PRIMARY KEY)");
        Exec(owner, "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $count) INSERT INTO n SELECT i FROM s", SqlParameters.Named(("count", count)));
        var first = Request<QueryResult>(owner, new Query("SELECT i FROM n ORDER BY i", SqlParameters.None));
        Assert.True(first.HasMore);
        return first;
    }

    /// <summary>
    /// Opens database <paramref name="name"/> with table <c>t</c>, begins a transaction that inserts 1 into it, and sends
    /// another client's insert of 2, which waits (stashed) for the transaction to end.
    /// </summary>
    protected (IActorRef Owner, TransactionStarted Started, TestProbe Waiting) TransactionWithAWaitingWrite(string name)
    {
        var owner = Resolve(name);
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        var started = Request<TransactionStarted>(owner, new Begin(TimeSpan.FromMinutes(1)));
        Request<ExecuteResult>(owner, new Transactional(started.TransactionId, new Execute("INSERT INTO t VALUES (1)")));
        var waiting = CreateTestProbe();
        owner.Tell(new Execute("INSERT INTO t VALUES (2)"), waiting.Ref);
        return (owner, started, waiting);
    }

    /// <summary>
    /// Takes the write lock of <paramref name="name"/> on a connection of the test's own, so that the owner's next
    /// write waits inside SQLite (for the busy timeout) while more requests queue; dispose the holder to release it.
    /// </summary>
    protected IDisposable HoldWriteLock(string name)
    {
        var other = SqliteDatabase.Open(name, Options.Database, TimeProvider.System);
        Assert.IsType<TransactionStarted>(other.Begin(new Begin(TimeSpan.FromMinutes(1))));
        return other;
    }

    /// <summary>The supervisor's status, asked from a probe of its own so it never mixes with the test actor's replies.</summary>
    protected IReadOnlyList<DatabaseStatus> GetStatus()
    {
        var probe = CreateTestProbe();
        Databases.Tell(DatabasesSupervisor.GetStatus.Instance, probe.Ref);
        return probe.ExpectMsg<DatabasesSupervisor.StatusReport>().Databases;
    }

    /// <summary>
    /// Moves virtual time on by <paramref name="total"/> in steps of <paramref name="step"/>: the TestScheduler fires a
    /// periodic timer at most once per advance, so a periodic check (idle, cursors) needs one advance per period.
    /// </summary>
    protected void Advance(TimeSpan total, TimeSpan step)
    {
        for (var done = TimeSpan.Zero; done < total; done += step)
        {
            Scheduler.Advance(step);
        }
    }

    /// <summary>Advances by <paramref name="delay"/> once the supervisor has logged that it armed that backoff delay.</summary>
    protected void ExpectBackoff(TimeSpan delay, Action failure) =>
        EventFilter.Warning(contains: $"reopening in {delay.TotalMilliseconds} ms").ExpectOne(failure);

    protected override void AfterAll()
    {
        // The system terminates first (closing every database), so the files can go.
        base.AfterAll();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test for it is not.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
