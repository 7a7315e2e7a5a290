using Akka.Actor;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class OwnerConcurrencyTests : OwnerTestKit
{
    [Fact]
    public async Task SixteenSenders_FiveHundredIncrementsEach_EndAtExactly8000()
    {
        var owner = Resolve("counter");
        Exec(owner, "CREATE TABLE c (n INTEGER NOT NULL)");
        Exec(owner, "INSERT INTO c VALUES (0)");

        // Read-modify-write in two statements would lose updates without serialisation; here each increment
        // is one statement, and the owner runs them one at a time.
        var senders = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                var reply = await owner.Ask<DatabaseReply>(new Execute("UPDATE c SET n = n + 1"), Dilated(TimeSpan.FromSeconds(30)));
                Assert.Equal(1, Assert.IsType<ExecuteResult>(reply).RowsAffected);
            }
        }));
        await Task.WhenAll(senders);

        var total = Request<QueryResult>(owner, new Query("SELECT n FROM c", SqlParameters.None));
        Assert.Equal(8000, total.Rows[0][0].AsInteger());
    }

    [Fact]
    public async Task ManySenders_EachSendersWritesLandInSendOrder()
    {
        var owner = Resolve("ordering");
        Exec(owner, "CREATE TABLE log (sender INTEGER, seq INTEGER)");
        // 8 x 120 stays within the owner's mailbox capacity (1000), so every write is accepted.
        const int senders = 8;
        const int each = 120;
        var probes = Enumerable.Range(0, senders).Select(_ => CreateTestProbe()).ToArray();

        // Tell, not ask: every sender fires all its writes without waiting, so only the per-pair order rule keeps them in order.
        await Task.WhenAll(probes.Select((probe, s) => Task.Run(() =>
        {
            for (var i = 0; i < each; i++)
            {
                owner.Tell(new Execute("INSERT INTO log VALUES ($s, $i)", SqlParameters.Named(("s", s), ("i", i))), probe.Ref);
            }
        })));
        foreach (var probe in probes)
        {
            Assert.All(probe.ReceiveN(each, Dilated(TimeSpan.FromSeconds(30))), reply => Assert.IsType<ExecuteResult>(reply));
        }

        var rows = Rows(owner, Request<QueryResult>(owner, new Query("SELECT sender, seq FROM log ORDER BY rowid", SqlParameters.None)));
        Assert.Equal(senders * each, rows.Count);
        foreach (var group in rows.GroupBy(r => r.Sender))
        {
            Assert.Equal(Enumerable.Range(0, each).Select(i => (long)i), group.Select(r => r.Seq));
        }
    }

    [Fact]
    public void Batch_WithAFailingStatement_RollsBackEverything_AndTheOwnerGoesOn()
    {
        var owner = Resolve("batch");
        Exec(owner, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");

        var failed = Request<BatchFailed>(owner, new Batch(
        [
            new Statement("INSERT INTO t VALUES (1, 'a')", SqlParameters.None),
            new Statement("INSERT INTO t VALUES (2, 'b')", SqlParameters.None),
            new Statement("INSERT INTO t VALUES (3, NULL)", SqlParameters.None),
        ]));

        Assert.Equal(2, failed.StatementIndex);
        Assert.Equal(0, Count(owner, "t"));
        Exec(owner, "INSERT INTO t VALUES (1, 'after')");
        Assert.Equal(1, Count(owner, "t"));
    }

    [Fact]
    public void Query_OfAHundredThousandRows_PagesThroughTheOwnerWithFetch()
    {
        var owner = Resolve("paging");
        var first = QueryNumbers(owner, 100_000);
        var seen = first.Rows.Select(r => r[0].AsInteger()).ToList();
        var cursor = first.CursorId;
        Assert.True(first.Rows.Count <= Options.Database.MaxRowsPerChunk);
        while (cursor is { } id)
        {
            var next = Request<QueryResult>(owner, new Fetch(id));
            Assert.True(next.Rows.Count <= Options.Database.MaxRowsPerChunk);
            seen.AddRange(next.Rows.Select(r => r[0].AsInteger()));
            cursor = next.CursorId;
        }

        Assert.Equal(Enumerable.Range(1, 100_000).Select(i => (long)i), seen);
    }

    private List<(long Sender, long Seq)> Rows(IActorRef owner, QueryResult first)
    {
        var all = first.Rows.Select(r => (r[0].AsInteger(), r[1].AsInteger())).ToList();
        for (var cursor = first.CursorId; cursor is { } id;)
        {
            var next = Request<QueryResult>(owner, new Fetch(id));
            all.AddRange(next.Rows.Select(r => (r[0].AsInteger(), r[1].AsInteger())));
            cursor = next.CursorId;
        }

        return all;
    }
}
