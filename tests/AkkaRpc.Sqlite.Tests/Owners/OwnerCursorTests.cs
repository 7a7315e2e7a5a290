using Akka.Actor;
using Akka.TestKit;

namespace AkkaRpc.Sqlite.Tests.Owners;

/// <summary>
/// Cursors counted per client, a client being the actor system a request comes from: the test's own for one client, a
/// second system in this process for another (a local actor reference works across systems, and carries its
/// system's address as a remote client's carries its own).
/// </summary>
public sealed class OwnerCursorTests() : OwnerTestKit(o =>
{
    o.Database.MaxCursorsPerClient = 4;
    o.Database.MaxOpenCursors = 16;
    return o;
})
{
    [Fact]
    public void AClientLeavingItsCursorsOpen_CannotMakeAnotherClientsLargeQueriesFail_AndTheyCloseWithItsConnection()
    {
        var owner = Resolve("cursors");
        var greedy = new List<long> { QueryNumbers(owner, 3000).CursorId!.Value };
        for (var i = 1; i < 4; i++)
        {
            greedy.Add(Request<QueryResult>(owner, new Query("SELECT i FROM n")).CursorId!.Value);
        }

        Assert.Equal(LimitKind.ClientCursors, Request<LimitExceeded>(owner, new Query("SELECT i FROM n")).Limit);

        var otherSystem = ActorSystem.Create("OtherClient", AkkaRpcTestKit.TimeFactorConfig.WithFallback(TestKitBase.DefaultConfig));
        try
        {
            var other = CreateTestProbe(otherSystem);
            owner.Tell(new Query("SELECT i FROM n"), other.Ref);
            var theirs = other.ExpectMsg<QueryResult>().CursorId!.Value;

            // The greedy client's connection closes: the node's peer watcher tells the supervisor, which tells every owner.
            Databases.Tell(new DatabasesSupervisor.PeerGone(TestActor.Path.Address));
            GetStatus(); // the supervisor has passed it on, ahead of what follows

            foreach (var id in greedy)
            {
                Assert.Equal(new CursorNotFound(id), Request<DatabaseReply>(owner, new Fetch(id)));
            }

            owner.Tell(new Fetch(theirs), other.Ref);
            Assert.Equal(1000, other.ExpectMsg<QueryResult>().Rows.Count);
            Assert.True(Request<QueryResult>(owner, new Query("SELECT i FROM n")).HasMore); // its share is free again
        }
        finally
        {
            Shutdown(otherSystem);
        }
    }

    [Fact]
    public void ACursorOfAClientWhoseConnectionClosesDuringAnotherClientsTransaction_IsClosedToo()
    {
        var owner = Resolve("tx-cursors");
        var gone = QueryNumbers(owner, 3000).CursorId!.Value;
        var otherSystem = ActorSystem.Create("Holder", AkkaRpcTestKit.TimeFactorConfig.WithFallback(TestKitBase.DefaultConfig));
        try
        {
            var other = CreateTestProbe(otherSystem);
            owner.Tell(new Begin(TimeSpan.FromMinutes(1)), other.Ref);
            var started = other.ExpectMsg<TransactionStarted>();

            Databases.Tell(new DatabasesSupervisor.PeerGone(TestActor.Path.Address));
            GetStatus();

            // The transaction's holder is another client: it carries on, while the gone client's cursor is closed.
            owner.Tell(new Transactional(started.TransactionId, new Execute("INSERT INTO n VALUES (5000)")), other.Ref);
            other.ExpectMsg<ExecuteResult>();
            owner.Tell(new Commit(started.TransactionId), other.Ref);
            other.ExpectMsg<TransactionEnded>();
            Assert.Equal(new CursorNotFound(gone), Request<DatabaseReply>(owner, new Fetch(gone)));
        }
        finally
        {
            Shutdown(otherSystem);
        }
    }
}
