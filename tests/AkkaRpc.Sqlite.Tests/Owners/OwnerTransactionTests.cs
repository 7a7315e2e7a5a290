using Akka.Actor;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class OwnerTransactionTests : OwnerTestKit
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public void OthersRequests_WaitForTheCommit_AndOnlyThenSeeTheCommittedRow()
    {
        var owner = Resolve("tx");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        var other = CreateTestProbe();

        var started = Request<TransactionStarted>(owner, new Begin(Lease));
        Request<ExecuteResult>(owner, new Transactional(started.TransactionId, new Execute("INSERT INTO t VALUES (1)")));
        owner.Tell(new Query("SELECT count(*) FROM t", SqlParameters.None), other.Ref);
        owner.Tell(new Execute("INSERT INTO t VALUES (2)"), other.Ref);

        // The non-holder's requests are held back (they would otherwise see, or join, the uncommitted insert), while
        // a Ping sent after them is answered at once: its Pong comes first.
        owner.Tell(new Ping(), other.Ref);
        other.ExpectMsg<Pong>();

        Assert.True(Request<TransactionEnded>(owner, new Commit(started.TransactionId)).Committed);
        Assert.Equal(1, other.ExpectMsg<QueryResult>().Rows[0][0].AsInteger());
        other.ExpectMsg<ExecuteResult>();
        Assert.Equal(2, Count(owner, "t"));
    }

    [Fact]
    public void Rollback_DiscardsTheHoldersWrites_AndReleasesTheWaitingRequestsInArrivalOrder()
    {
        var owner = Resolve("rollback");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        var other = CreateTestProbe();
        var started = Request<TransactionStarted>(owner, new Begin(Lease));
        Request<ExecuteResult>(owner, new Transactional(started.TransactionId, new Execute("INSERT INTO t VALUES (1)")));
        for (var i = 0; i < 5; i++)
        {
            owner.Tell(new Execute("INSERT INTO t VALUES ($v)", SqlParameters.Named(("v", 100 + i))), other.Ref);
        }

        Assert.False(Request<TransactionEnded>(owner, new Rollback(started.TransactionId)).Committed);
        other.ReceiveN(5);

        var values = Request<QueryResult>(owner, new Query("SELECT v FROM t ORDER BY rowid", SqlParameters.None));
        Assert.Equal([100L, 101, 102, 103, 104], values.Rows.Select(r => r[0].AsInteger()));
    }

    [Fact]
    public void ALeaseThatRunsOut_RollsBack_AndTheHolderIsToldItExpired()
    {
        var owner = Resolve("lease");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        var other = CreateTestProbe();
        var started = Request<TransactionStarted>(owner, new Begin(TimeSpan.FromSeconds(5)));
        Request<ExecuteResult>(owner, new Transactional(started.TransactionId, new Execute("INSERT INTO t VALUES (1)")));
        owner.Tell(new Query("SELECT count(*) FROM t", SqlParameters.None), other.Ref);
        owner.Tell(new Ping(), other.Ref);
        other.ExpectMsg<Pong>();

        Scheduler.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, other.ExpectMsg<QueryResult>().Rows[0][0].AsInteger());
        Request<TransactionLeaseExpired>(owner, new Commit(started.TransactionId));
        Request<TransactionLeaseExpired>(owner, new Transactional(started.TransactionId, new Execute("INSERT INTO t VALUES (2)")));
        Assert.Equal(0, Count(owner, "t"));
    }

    [Fact]
    public void EachRequestOfTheHolder_RenewsTheLease()
    {
        var owner = Resolve("renew");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        var started = Request<TransactionStarted>(owner, new Begin(TimeSpan.FromSeconds(5)));
        for (var i = 0; i < 3; i++)
        {
            Scheduler.Advance(TimeSpan.FromSeconds(4));
            Request<ExecuteResult>(owner, new Transactional(started.TransactionId, new Execute("INSERT INTO t VALUES (1)")));
        }

        Assert.True(Request<TransactionEnded>(owner, new Commit(started.TransactionId)).Committed);
        Assert.Equal(3, Count(owner, "t"));
    }

    [Fact]
    public void TheHoldersDeath_RollsBack_AndReleasesTheOthers()
    {
        var owner = Resolve("holder");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        var holderProbe = CreateTestProbe();
        var holder = Sys.ActorOf(Props.Create(() => new Relay(holderProbe.Ref)), "holder");
        var other = CreateTestProbe();

        owner.Tell(new Begin(Lease), holder);
        var started = holderProbe.ExpectMsg<TransactionStarted>();
        owner.Tell(new Transactional(started.TransactionId, new Execute("INSERT INTO t VALUES (1)")), holder);
        holderProbe.ExpectMsg<ExecuteResult>();
        owner.Tell(new Query("SELECT count(*) FROM t", SqlParameters.None), other.Ref);
        owner.Tell(new Ping(), other.Ref);
        other.ExpectMsg<Pong>();

        holder.Tell(PoisonPill.Instance);

        Assert.Equal(0, other.ExpectMsg<QueryResult>().Rows[0][0].AsInteger());
    }

    [Fact]
    public void BeginFromAnother_WaitsForTheFirstTransaction_ThenStarts()
    {
        var owner = Resolve("queue");
        var second = CreateTestProbe();
        var first = Request<TransactionStarted>(owner, new Begin(Lease));
        owner.Tell(new Begin(Lease), second.Ref);
        owner.Tell(new Ping(), second.Ref);
        second.ExpectMsg<Pong>();

        Request<TransactionEnded>(owner, new Commit(first.TransactionId));

        var next = second.ExpectMsg<TransactionStarted>();
        Assert.NotEqual(first.TransactionId, next.TransactionId);
    }

    [Fact]
    public void ALeaseLongerThanAllowed_IsRefused_AndNoTransactionStarts()
    {
        var owner = Resolve("toolong");
        var refused = Request<LeaseOutOfRange>(owner, new Begin(Options.MaxLease + TimeSpan.FromSeconds(1)));
        Assert.Contains("at most", refused.Message, StringComparison.Ordinal);
        Request<Pong>(owner, new Ping());
        Exec(owner, "CREATE TABLE t (v INTEGER)");
    }

    [Fact]
    public void AStaleTransactionId_IsAnsweredWithTransactionNotFound()
    {
        var owner = Resolve("stale");
        Request<TransactionNotFound>(owner, new Commit(12345));
        Request<TransactionNotFound>(owner, new Transactional(12345, new Ping()));
    }

    /// <summary>An actor that relays every reply to a probe, so it can hold a transaction and then die.</summary>
    private sealed class Relay(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message) => probe.Tell(message, Sender);
    }
}
