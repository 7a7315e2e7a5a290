namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class QueuedBytesBudgetTests : OwnerTestKit
{
    // Each large request holds a 10,000-character text: about 20 KB decoded, so three fit the budget and a fourth does not.
    private const long Budget = 64 * 1024;

    public QueuedBytesBudgetTests()
        : base(o => o with { MaxQueuedBytes = Budget })
    {
    }

    [Fact]
    public void RequestsOverTheNodesQueuedBytesBudget_AreRefusedAtOnce_NamingIt_AndEveryAcceptedOneRuns()
    {
        var owner = Resolve("blocked");
        Exec(owner, "CREATE TABLE t (v TEXT)");
        var other = Resolve("other");

        using (HoldWriteLock("blocked"))
        {
            // The first is taken by the owner, which then waits inside SQLite; the next three wait in its mailbox.
            var value = SqlParameters.Positional(SqlValue.FromText(new string('x', 10_000)));
            owner.Tell(new Execute("INSERT INTO t VALUES (?)", value), TestActor);
            AwaitAssert(() => Assert.Equal(0, GetStatus().Single(s => s.Name == "blocked").MailboxDepth));
            for (var i = 0; i < 3; i++)
            {
                owner.Tell(new Execute("INSERT INTO t VALUES (?)", value), TestActor);
            }

            owner.Tell(new Execute("INSERT INTO t VALUES (?)", value), TestActor);
            var refused = ExpectMsg<LimitExceeded>();
            Assert.Equal(LimitKind.QueuedBytes, refused.Limit);
            Assert.Equal(Budget, refused.Maximum);
            Assert.True(refused.Actual > Budget, $"{refused.Actual} should be over the budget");
            Assert.Contains("max-queued-bytes", refused.Message, StringComparison.Ordinal);

            // The budget is the node's: a large request to another database is refused too, a small one still runs.
            other.Tell(new Execute("SELECT ?", value), TestActor);
            Assert.Equal(LimitKind.QueuedBytes, ExpectMsg<LimitExceeded>().Limit);
            Request<Pong>(other, new Ping());
        }

        // Once the lock is free every accepted request runs and gives its bytes back; the refused one never ran.
        for (var i = 0; i < 4; i++)
        {
            ExpectMsg<ExecuteResult>();
        }

        Assert.Equal(4, Count(owner, "t"));
        Exec(other, "SELECT ?", SqlParameters.Positional(SqlValue.FromText(new string('y', 10_000))));
    }
}
