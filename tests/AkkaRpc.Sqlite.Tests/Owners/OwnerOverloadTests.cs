using Akka.Actor;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class OwnerOverloadTests : OwnerTestKit
{
    public OwnerOverloadTests()
        : base(o => o with { MailboxCapacity = 3 })
    {
    }

    [Fact]
    public void AFullMailbox_AnswersOverloadedAtOnce_WhileTheOwnerIsStillBlocked_AndEveryAcceptedRequestRuns()
    {
        var owner = Resolve("blocked");
        Exec(owner, "CREATE TABLE t (v INTEGER)");

        using var writeLock = HoldWriteLock("blocked");
        owner.Tell(new Execute("INSERT INTO t VALUES (1)"), TestActor);
        AwaitAssert(() => Assert.Equal(0, Assert.Single(GetStatus()).MailboxDepth)); // The owner has taken it.

        var client = CreateTestProbe();
        for (var i = 0; i < Options.MailboxCapacity; i++)
        {
            owner.Tell(new Ping(), client.Ref);
        }

        // The owner is still inside SQLite, yet the refusal comes at once, from the owner's reference.
        owner.Tell(new Execute("INSERT INTO t VALUES (2)"), client.Ref);
        var overloaded = client.ExpectMsg<Overloaded>();
        Assert.Equal(owner, client.LastSender);
        Assert.Equal(("blocked", Options.MailboxCapacity), (overloaded.Name, overloaded.Capacity));
        Assert.Contains("queued", overloaded.Message, StringComparison.Ordinal);
        Assert.Equal(Options.MailboxCapacity, Assert.Single(GetStatus()).MailboxDepth);

        // Nothing else broke: once the lock is free every accepted request runs, and the refused one never did.
        writeLock.Dispose();
        ExpectMsg<ExecuteResult>();
        Assert.All(client.ReceiveN(Options.MailboxCapacity), reply => Assert.IsType<Pong>(reply));
        Assert.Equal(1, Count(owner, "t"));
    }

    [Fact]
    public void RequestsWaitingOnATransaction_CountAgainstTheCapacity_BeyondItAreOverloadedAtOnce_AndNothingIsLost()
    {
        var owner = Resolve("full");
        var started = Request<TransactionStarted>(owner, new Begin(TimeSpan.FromMinutes(1)));
        var other = CreateTestProbe();

        // Each Ping is answered even during the transaction, so its Pong shows the Execute before it was stashed.
        for (var i = 0; i < Options.MailboxCapacity; i++)
        {
            owner.Tell(new Execute("SELECT 1"), other.Ref);
            owner.Tell(new Ping(), other.Ref);
            other.ExpectMsg<Pong>();
        }

        owner.Tell(new Execute("SELECT 1"), other.Ref);
        var overloaded = other.ExpectMsg<Overloaded>();
        Assert.Equal(("full", Options.MailboxCapacity), (overloaded.Name, overloaded.Capacity));

        // The holder is never refused for what the others queued: its requests go on, and its commit releases them.
        Request<ExecuteResult>(owner, new Transactional(started.TransactionId, new Execute("SELECT 1")));
        Request<TransactionEnded>(owner, new Commit(started.TransactionId));
        Assert.All(other.ReceiveN(Options.MailboxCapacity), reply => Assert.IsType<ExecuteResult>(reply));
        Request<Pong>(owner, new Ping());
        other.ExpectNoMsg(TimeSpan.Zero);
    }
}
