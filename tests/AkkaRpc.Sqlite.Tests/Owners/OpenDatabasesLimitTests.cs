using Akka.Actor;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class OpenDatabasesLimitTests : OwnerTestKit
{
    public OpenDatabasesLimitTests()
        : base(o => o with { MaxOpenDatabases = 4 })
    {
    }

    [Fact]
    public void ResolvingManyMoreDatabasesThanTheLimit_KeepsOpenFilesBounded_AndClosedOnesReopenWithTheirData()
    {
        var first = Resolve("db0");
        Exec(first, "CREATE TABLE t (name TEXT)");
        Exec(first, "INSERT INTO t VALUES ('db0')");

        // A query opens a reader connection beside the writer; the most files one database holds.
        Assert.Equal(1, Count(first, "t"));
        var perDatabase = OpenDataFiles();
        Assert.InRange(perDatabase, 1, 8);

        const int Databases = 40;
        var most = 0;
        for (var i = 1; i < Databases; i++)
        {
            var owner = Resolve($"db{i}");
            Exec(owner, "CREATE TABLE t (name TEXT)");
            Exec(owner, "INSERT INTO t VALUES ($name)", SqlParameters.Named(("name", $"db{i}")));
            Assert.Equal(1, Count(owner, "t"));
            most = Math.Max(most, OpenDataFiles());
        }

        Assert.InRange(most, perDatabase * 2, perDatabase * Options.MaxOpenDatabases);
        Assert.Equal(Options.MaxOpenDatabases, GetStatus().Count);

        // The ones closed long ago reopen on their next use, each with what it acknowledged.
        for (var i = 0; i < Databases; i += 7)
        {
            var owner = Resolve($"db{i}");
            var rows = Request<QueryResult>(owner, new Query("SELECT name FROM t", SqlParameters.None)).Rows;
            Assert.Equal($"db{i}", Assert.Single(rows)[0].AsText());
        }

        Assert.InRange(OpenDataFiles(), 1, perDatabase * Options.MaxOpenDatabases);
    }

    [Fact]
    public void TheLeastRecentlyUsedIdleDatabase_IsTheOneClosed()
    {
        var owners = Enumerable.Range(0, Options.MaxOpenDatabases).Select(i => Resolve($"lru{i}")).ToList();
        foreach (var owner in owners)
        {
            Request<Pong>(owner, new Ping());
        }

        // lru0 was used last, so lru1 is now the least recently used.
        Request<Pong>(owners[0], new Ping());
        var probe = CreateTestProbe();
        probe.Watch(owners[1]);
        Resolve("newcomer");
        probe.ExpectTerminated(owners[1]);
        Assert.DoesNotContain(GetStatus(), s => s.Name == "lru1");
        Request<Pong>(owners[0], new Ping());
    }

    [Fact]
    public void WhenEveryOpenDatabaseIsInUse_ANewOneIsRefusedAtOnce_NamingTheLimit_AndTheOthersKeepServing()
    {
        // In use: a transaction, an open cursor, and two blocked on a write lock with a request queued behind it.
        var inTransaction = Resolve("tx");
        Exec(inTransaction, "CREATE TABLE t (v INTEGER)");
        var started = Request<TransactionStarted>(inTransaction, new Begin(TimeSpan.FromMinutes(1)));
        Request<ExecuteResult>(inTransaction, new Transactional(started.TransactionId, new Execute("INSERT INTO t VALUES (1)")));
        var withCursor = Resolve("cursor");
        var cursor = QueryNumbers(withCursor, 5_000);
        var busy = new List<IDisposable>();
        var waiting = CreateTestProbe();
        var busyOwners = new List<IActorRef>();
        foreach (var name in new[] { "busy1", "busy2" })
        {
            var owner = Resolve(name);
            busyOwners.Add(owner);
            Exec(owner, "CREATE TABLE t (v INTEGER)");
            busy.Add(HoldWriteLock(name));
            owner.Tell(new Execute("INSERT INTO t VALUES (1)"), waiting.Ref);
            owner.Tell(new Ping(), waiting.Ref);
        }

        Databases.Tell(new Resolve("newcomer"), TestActor);
        var refused = ExpectMsg<LimitExceeded>();
        Assert.Equal((LimitKind.OpenDatabases, Options.MaxOpenDatabases, Options.MaxOpenDatabases), (refused.Limit, refused.Maximum, refused.Actual));
        Assert.Contains("max-open-databases", refused.Message, StringComparison.Ordinal);

        // Nothing was closed, nothing lost: every database carries on where it was.
        Assert.Equal(4, GetStatus().Count);
        Request<QueryResult>(withCursor, new Fetch(cursor.CursorId!.Value));
        foreach (var holder in busy)
        {
            holder.Dispose();
        }

        waiting.ExpectMsg<ExecuteResult>();
        waiting.ExpectMsg<Pong>();
        waiting.ExpectMsg<ExecuteResult>();
        waiting.ExpectMsg<Pong>();
        Assert.True(Request<TransactionEnded>(inTransaction, new Commit(started.TransactionId)).Committed);

        // Now three are idle again (the cursor is still open); busy1's last request came first: it makes room.
        var probe = CreateTestProbe();
        probe.Watch(busyOwners[0]);
        var newcomer = Resolve("newcomer");
        Request<Pong>(newcomer, new Ping());
        probe.ExpectTerminated(busyOwners[0]);
        Assert.Equal(1, Count(Resolve("busy1"), "t"));
        Assert.Equal(1, Count(Resolve("tx"), "t"));
    }

    /// <summary>The files of the data directory this process holds open, from its file descriptor table.</summary>
    private int OpenDataFiles()
    {
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(DataDirectory, StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // Closed while listed.
            }
        }

        return count;
    }
}
