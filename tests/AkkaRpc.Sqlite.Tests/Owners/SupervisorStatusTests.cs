using AkkaRpc.Actors;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class SupervisorStatusTests : OwnerTestKit
{
    public SupervisorStatusTests()
        : base(o =>
        {
            // Long enough that a write blocked by another connection waits for the test, not for the timeout.
            o.Database.BusyTimeout = TimeSpan.FromMinutes(2);
            return o with { MaxFailures = 2 };
        })
    {
    }

    [Fact]
    public void Status_OfAFreshSupervisor_IsEmpty()
    {
        Assert.Empty(GetStatus());
    }

    [Fact]
    public void Status_ListsEveryOpenDatabaseByName_WithItsRealMailboxDepth()
    {
        var blocked = Resolve("blocked");
        var idle = Resolve("idle");
        Exec(blocked, "CREATE TABLE t (v INTEGER)");

        // Another connection holds the write lock, so the owner's insert waits inside SQLite while more requests queue.
        using var other = SqliteDatabase.Open("blocked", Options.Database, TimeProvider.System);
        var lockHeld = Assert.IsType<TransactionStarted>(other.Begin(new Begin(TimeSpan.FromMinutes(1))));
        blocked.Tell(new Execute("INSERT INTO t VALUES (1)"), TestActor);
        for (var i = 0; i < 5; i++)
        {
            blocked.Tell(new Ping(), TestActor);
        }

        // Once the owner has taken the insert, exactly the five pings wait behind it.
        AwaitAssert(() => Assert.Equal(
            [new DatabaseStatus("blocked", DatabaseState.Open, 5, null), new DatabaseStatus("idle", DatabaseState.Open, 0, null)],
            GetStatus()));

        Assert.IsType<TransactionEnded>(other.Commit(new Commit(lockHeld.TransactionId)));
        ExpectMsg<ExecuteResult>();
        for (var i = 0; i < 5; i++)
        {
            ExpectMsg<Pong>();
        }

        Assert.Equal(0, Assert.Single(GetStatus(), d => d.Name == "blocked").MailboxDepth);
        Request<Pong>(idle, new Ping());
    }

    [Fact]
    public void Status_ShowsAFailingDatabaseReopening_ThenUnavailable_WithItsFailure()
    {
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(Path.Combine(DataDirectory, "garbage.db"), new string('x', 4096));
        var owner = Resolve("garbage");
        Watch(owner);

        // Open failed in PreStart; the owner now waits out its backoff on the fake clock.
        AwaitAssert(() =>
        {
            var status = Assert.Single(GetStatus());
            Assert.Equal(DatabaseState.Reopening, status.State);
            Assert.Contains("not a database", status.LastFailure, StringComparison.OrdinalIgnoreCase);
        });

        AdvanceUntil<Terminated>(TestProbe, Options.MinBackoff);

        // The supervisor learns of the stop through its own Terminated, which may come after ours.
        AwaitAssert(() =>
        {
            var unavailable = Assert.Single(GetStatus());
            Assert.Equal("garbage", unavailable.Name);
            Assert.Equal(DatabaseState.Unavailable, unavailable.State);
            Assert.Contains("not a database", unavailable.LastFailure, StringComparison.OrdinalIgnoreCase);
        });

        // After the failure window it is no longer reported.
        Clock.Advance(Options.FailureWindow + TimeSpan.FromSeconds(1));
        Assert.Empty(GetStatus());
    }

    private IReadOnlyList<DatabaseStatus> GetStatus()
    {
        Databases.Tell(DatabasesSupervisor.GetStatus.Instance, TestActor);
        return ExpectMsg<DatabasesSupervisor.StatusReport>().Databases;
    }
}
