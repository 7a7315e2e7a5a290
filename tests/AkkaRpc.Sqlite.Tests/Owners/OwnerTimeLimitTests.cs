using System.Diagnostics;
using Akka.Actor;

namespace AkkaRpc.Sqlite.Tests.Owners;

/// <summary>
/// Runaway statements through owners: stopped inside SQLite, so the owner, its queue and the node's shutdown move on.
/// The statements run for real on the machine's clock (the owners' timers stay on virtual time; none is involved).
/// </summary>
public sealed class OwnerTimeLimitTests() : OwnerTestKit(o =>
{
    o.Database.StatementTimeout = TimeSpan.FromMilliseconds(300);
    o.Database.MaxStatementTimeout = TimeSpan.FromMinutes(10);
    return o;
})
{
    private const string Runaway = StatementLimitTests.Runaway;

    [Fact]
    public void ARunawayQuery_IsStoppedAtTheLimit_ThenTheRequestsQueuedBehindItRun_InOrder()
    {
        var owner = Resolve("runaway");
        Exec(owner, "CREATE TABLE t (v INTEGER)");

        owner.Tell(new Query(Runaway), TestActor);
        owner.Tell(new Execute("INSERT INTO t VALUES (1)"), TestActor);
        owner.Tell(new Query("SELECT count(*) FROM t"), TestActor);

        var timedOut = ExpectMsg<StatementTimedOut>(TestTime.Seconds(10));
        Assert.Equal(TimeSpan.FromMilliseconds(300), timedOut.Limit);
        ExpectMsg<ExecuteResult>();
        Assert.Equal(1L, ExpectMsg<QueryResult>().Rows[0][0].AsInteger());
    }

    [Fact]
    public void WhileOneDatabaseRunsAwayUpToItsLimit_AnotherAnswersAtOnce()
    {
        var runaway = Resolve("busy");
        var other = Resolve("other");
        Request<Pong>(other, new Ping());

        runaway.Tell(new Query(Runaway) { TimeLimit = TestTime.Seconds(2) }, TestActor);
        other.Tell(new Query("SELECT 42"), TestActor);

        // The other owner runs on another of the owners' threads: its answer comes first.
        Assert.Equal(42L, ExpectMsg<QueryResult>(TestTime.Seconds(1.5)).Rows[0][0].AsInteger());
        ExpectMsg<StatementTimedOut>(TestTime.Seconds(15));
    }

    [Fact]
    public void AStatementStoppedInATransaction_RollsItBack_AndTheRequestsWaitingForItRun()
    {
        var (owner, started, other) = TransactionWithAWaitingWrite("tx");

        var timedOut = Request<StatementTimedOut>(owner, new Transactional(started.TransactionId, new Query(Runaway)), TestTime.Seconds(10));

        Assert.True(timedOut.TransactionRolledBack);
        other.ExpectMsg<ExecuteResult>(); // no longer held back by the transaction
        Request<TransactionNotFound>(owner, new Commit(started.TransactionId));
        Assert.Equal(1L, Count(owner, "t")); // only the other client's row
    }

    [Fact]
    public void DrainDuringARunawayStatement_StopsIt_AndCompletesQuickly()
    {
        var owner = Resolve("drain");
        Request<Pong>(owner, new Ping()); // open, so that the query runs as soon as it is taken
        var client = CreateTestProbe();

        // The longest limit there is: only the drain can end this soon.
        owner.Tell(new Query(Runaway) { TimeLimit = TimeSpan.FromMinutes(10) }, client.Ref);
        AwaitAssert(() => Assert.Equal(0, Assert.Single(GetStatus()).MailboxDepth), TestTime.Seconds(10)); // taken: it runs

        var watch = Stopwatch.StartNew();
        Databases.Tell(DatabasesSupervisor.Drain.Instance, TestActor);

        var unavailable = client.ExpectMsg<DatabaseUnavailable>(TestTime.Seconds(10));
        Assert.Contains("shutting down", unavailable.Message, StringComparison.Ordinal);
        ExpectMsg<DatabasesSupervisor.Drained>(TestTime.Seconds(10));
        Assert.True(watch.Elapsed < TestTime.Seconds(5), $"the drain took {watch.Elapsed}");
    }
}
