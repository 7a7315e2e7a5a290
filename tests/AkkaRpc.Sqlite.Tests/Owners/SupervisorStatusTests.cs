using Akka.Actor;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class SupervisorStatusTests : OwnerTestKit
{
    public SupervisorStatusTests()
        : base(o => o with { MaxFailures = 2 })
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

        using var writeLock = HoldWriteLock("blocked");
        blocked.Tell(new Execute("INSERT INTO t VALUES (1)"), TestActor);
        for (var i = 0; i < 5; i++)
        {
            blocked.Tell(new Ping(), TestActor);
        }

        // Once the owner has taken the insert, exactly the five pings wait behind it.
        AwaitAssert(() => Assert.Equal(
            [new DatabaseStatus("blocked", DatabaseState.Open, 5, null), new DatabaseStatus("idle", DatabaseState.Open, 0, null)],
            GetStatus()));

        writeLock.Dispose();
        ExpectMsg<ExecuteResult>();
        for (var i = 0; i < 5; i++)
        {
            ExpectMsg<Pong>();
        }

        Assert.Equal(0, Assert.Single(GetStatus(), d => d.Name == "blocked").MailboxDepth);
        Request<Pong>(idle, new Ping());
    }

    [Fact]
    public void Status_ShowsAFailingDatabaseReopening_ThenUnavailable_WithItsFailure_UntilTheWindowHasPassed()
    {
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(Path.Combine(DataDirectory, "garbage.db"), new string('x', 4096));
        var probe = CreateTestProbe();

        // Open failed in PreStart; the owner now waits out its backoff in virtual time.
        IActorRef owner = ActorRefs.Nobody;
        ExpectBackoff(Options.MinBackoff, () => owner = Resolve("garbage"));
        probe.Watch(owner);
        var reopening = Assert.Single(GetStatus());
        Assert.Equal(DatabaseState.Reopening, reopening.State);
        Assert.Contains("not a database", reopening.LastFailure, StringComparison.OrdinalIgnoreCase);

        Scheduler.Advance(Options.MinBackoff);
        probe.ExpectTerminated(owner);

        // The supervisor decided before the owner stopped, so it reports the database unavailable from then on.
        var unavailable = Assert.Single(GetStatus());
        Assert.Equal("garbage", unavailable.Name);
        Assert.Equal(DatabaseState.Unavailable, unavailable.State);
        Assert.Contains("not a database", unavailable.LastFailure, StringComparison.OrdinalIgnoreCase);

        // After the failure window it is no longer reported.
        Scheduler.Advance(Options.FailureWindow);
        Assert.Empty(GetStatus());
    }

    [Fact]
    public void Status_DuringADrain_ShowsEveryDatabaseClosing_UntilTheQueuedRequestsAreAnswered()
    {
        var blocked = Resolve("blocked");
        Exec(blocked, "CREATE TABLE t (v INTEGER)");
        using var writeLock = HoldWriteLock("blocked");
        blocked.Tell(new Execute("INSERT INTO t VALUES (1)"), TestActor);
        blocked.Tell(new Ping(), TestActor);

        var drainer = CreateTestProbe();
        Databases.Tell(DatabasesSupervisor.Drain.Instance, drainer.Ref);

        // The ping still waits (the owner's stop behind it is no request), and no new work is taken meanwhile.
        AwaitAssert(() => Assert.Equal([new DatabaseStatus("blocked", DatabaseState.Closing, 1, null)], GetStatus()));
        Databases.Tell(new Resolve("blocked"), TestActor);
        Assert.Contains("shutting down", ExpectMsg<DatabaseUnavailable>().LastFailure, StringComparison.Ordinal);

        writeLock.Dispose();
        ExpectMsg<ExecuteResult>();
        ExpectMsg<Pong>();
        drainer.ExpectMsg<DatabasesSupervisor.Drained>();
        Assert.Empty(GetStatus());
    }
}
