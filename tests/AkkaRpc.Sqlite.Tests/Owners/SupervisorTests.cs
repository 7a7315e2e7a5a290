using Akka;
using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class SupervisorTests : OwnerTestKit
{
    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("x\0y")]
    [InlineData("C:\\x")]
    public void Resolve_OfAnInvalidName_IsRefused_AndTheSupervisorKeepsServing(string name)
    {
        Databases.Tell(new Resolve(name), TestActor);
        var invalid = ExpectMsg<InvalidDatabaseName>();
        Assert.Equal(name, invalid.Name);

        var owner = Resolve("valid");
        Request<Pong>(owner, new Ping());
        Assert.DoesNotContain(Directory.GetFiles(DataDirectory), f => !Path.GetFileName(f).StartsWith("valid", StringComparison.Ordinal));
    }

    [Fact]
    public void LocateOwner_OnASingleNode_IsAnsweredAsResolve_WithTheSameOwner()
    {
        var owner = Resolve("located");
        Databases.Tell(new LocateOwner("located"), TestActor);
        Assert.Equal(owner, ExpectMsg<Resolved>().Owner);
        Databases.Tell(new LocateOwner("../located"), TestActor);
        ExpectMsg<InvalidDatabaseName>();
        Databases.Tell(new LocateOwner("located"), TestActor);
        Assert.Equal(owner, ExpectMsg<Resolved>().Owner);
    }

    [Fact]
    public void Resolve_TwiceForOneName_GivesTheSameOwner_AtItsPath()
    {
        var first = Resolve("orders");
        var second = Resolve("orders");
        Assert.Equal(first, second);
        Assert.Equal("/user/databases/orders", first.Path.ToStringWithoutAddress());
        var info = Request<TargetDatabaseInfo>(first, new TargetDatabase());
        Assert.Equal(Path.Combine(DataDirectory, "orders.db"), info.FullPath);

        // A client that knows the path, here or on another node, reaches the same owner without a Resolve.
        Sys.ActorSelection("/user/databases/orders").Tell(new Ping(), TestActor);
        Assert.Equal("orders", ExpectMsg<Pong>().Name);
        Assert.Equal(first, LastSender);
    }

    [Fact]
    public void AnOwnerIdleLongerThanTheTimeout_IsStopped_AndTheNextResolveStartsAFreshOne()
    {
        var owner = Resolve("idle");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        Exec(owner, "INSERT INTO t VALUES (1)");
        var probe = CreateTestProbe();
        probe.Watch(owner);

        // Not yet: the owner checks a quarter of the timeout at a time, and the last request was just now.
        var idle = Options.IdleTimeout!.Value;
        Advance(idle, idle / 4);
        Request<Pong>(owner, new Ping());

        Advance(idle * 1.25, idle / 4);
        probe.ExpectTerminated(owner);
        var fresh = Resolve("idle");
        Assert.NotEqual(owner, fresh);
        Assert.Equal(1, Count(fresh, "t"));
    }

    [Fact]
    public void ARequestToAnOwnerClosedWhenIdle_RunsNothing_AndIsAnsweredOwnerStopped()
    {
        var owner = Resolve("closed");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        var probe = CreateTestProbe();
        probe.Watch(owner);
        Advance(Options.IdleTimeout!.Value * 1.5, Options.IdleTimeout.Value / 4);
        probe.ExpectTerminated(owner);

        // Akka delivers it to dead letters; the supervisor answers for the owner, so the sender need not wait out a
        // timeout to learn that it should resolve the name again.
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        owner.Tell(new Execute("INSERT INTO t VALUES (1)"), probe.Ref);
        Assert.IsType<Execute>(deadLetters.ExpectMsg<DeadLetter>().Message);
        Assert.Equal("closed", probe.ExpectMsg<OwnerStopped>().Name);
        Assert.Equal(owner, probe.LastSender);
        Assert.Equal(0, Count(Resolve("closed"), "t"));

        // Without a sender to answer, nothing is answered and nothing loops.
        owner.Tell(new Ping(), ActorRefs.NoSender);
        owner.Tell(new Ping(), probe.Ref);
        probe.ExpectMsg<OwnerStopped>();
        probe.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void ACursorNobodyFetches_IsClosedByTheOwnersTimer_SoTheOwnerCanIdle()
    {
        var owner = Resolve("cursor");
        QueryNumbers(owner, 5000);
        var probe = CreateTestProbe();
        probe.Watch(owner);

        // An open cursor keeps the owner open; its timer closes the cursor after the expiry, and only then can the
        // owner idle. Both checks run four times per period, so step by the shorter one.
        var expiry = Options.Database.CursorIdleExpiry;
        Advance(Options.IdleTimeout!.Value * 1.5, expiry / 4);
        probe.ExpectTerminated(owner);
    }

    [Fact]
    public void AFetchAfterTheCursorExpired_IsCursorNotFound_AndTheOwnerGoesOn()
    {
        var owner = Resolve("expired");
        var first = QueryNumbers(owner, 5000);

        Scheduler.Advance(Options.Database.CursorIdleExpiry);
        Request<CursorNotFound>(owner, new Fetch(first.CursorId!.Value));
        Assert.Equal(5000, Count(owner, "n"));
    }
}

public sealed class SupervisorWithoutCreationTests : OwnerTestKit
{
    public SupervisorWithoutCreationTests()
        : base(o => o with { Database = new DatabaseOptions { DataDirectory = o.Database.DataDirectory, CreateIfMissing = false } })
    {
    }

    [Fact]
    public void Resolve_OfAMissingFile_WhenCreationIsOff_IsDatabaseNotFound()
    {
        Databases.Tell(new Resolve("missing"), TestActor);
        var notFound = ExpectMsg<DatabaseNotFound>();
        Assert.Contains("missing", notFound.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDirectory, "missing.db")));
    }
}

public sealed class SupervisorDrainTests : OwnerTestKit
{
    [Fact]
    public async Task Drain_AnswersEveryQueuedRequest_ClosesEveryDatabase_ThenAnswersDrained()
    {
        var first = Resolve("one");
        var second = Resolve("two");
        Exec(first, "CREATE TABLE t (v INTEGER)");
        for (var i = 0; i < 100; i++)
        {
            first.Tell(new Execute("INSERT INTO t VALUES ($v)", SqlParameters.Named(("v", i))), TestActor);
        }

        var drained = Databases.Ask<DatabasesSupervisor.Drained>(DatabasesSupervisor.Drain.Instance, Dilated(TimeSpan.FromSeconds(10)));

        // Every write queued before the drain is answered; then the databases close and the drain completes.
        Assert.All(ReceiveN(100), reply => Assert.IsType<ExecuteResult>(reply));
        await drained;
        Watch(first);
        Watch(second);
        ExpectTerminated(first);
        ExpectTerminated(second);
        AssertRows("one", 100);

        // No new work: the node is shutting down. Asking again answers at once.
        Databases.Tell(new Resolve("three"), TestActor);
        Assert.Contains("shutting down", ExpectMsg<DatabaseUnavailable>().LastFailure, StringComparison.Ordinal);
        Databases.Tell(new LocateOwner("three"), TestActor);
        Assert.Contains("shutting down", ExpectMsg<DatabaseUnavailable>().LastFailure, StringComparison.Ordinal);
        Databases.Tell(DatabasesSupervisor.Drain.Instance, TestActor);
        ExpectMsg<DatabasesSupervisor.Drained>();
        Assert.False(File.Exists(Path.Combine(DataDirectory, "three.db")));

        // A client that still holds an owner's reference learns it stopped; resolving again says why.
        first.Tell(new Ping(), TestActor);
        Assert.Equal("one", ExpectMsg<OwnerStopped>().Name);
    }

    [Fact]
    public void Drain_OfATransactionWithWaitingRequests_RollsItBack_AndAnswersTheWaitingOnes()
    {
        var (_, _, other) = TransactionWithAWaitingWrite("tx");

        Databases.Tell(DatabasesSupervisor.Drain.Instance, TestActor);

        Assert.Contains("closed", other.ExpectMsg<DatabaseUnavailable>().LastFailure, StringComparison.Ordinal);
        ExpectMsg<DatabasesSupervisor.Drained>();
        AssertRows("tx", 0);
    }

    [Fact]
    public async Task Drain_RunFromCoordinatedShutdown_AnswersQueuedRequestsBeforeTheSystemTerminates()
    {
        var owner = Resolve("cs");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        for (var i = 0; i < 20; i++)
        {
            owner.Tell(new Execute("INSERT INTO t VALUES (1)"), TestActor);
        }

        // How a host wires it: a task in service-requests-done, which waits for Drained within the phase's timeout.
        var shutdown = CoordinatedShutdown.Get(Sys);
        var databases = Databases;
        var ceiling = Dilated(TimeSpan.FromSeconds(10));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain-databases", async () =>
        {
            await databases.Ask<DatabasesSupervisor.Drained>(DatabasesSupervisor.Drain.Instance, ceiling);
            return Done.Instance;
        });

        await shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance);

        Assert.All(ReceiveN(20), reply => Assert.IsType<ExecuteResult>(reply));
        Assert.True(Sys.WhenTerminated.IsCompleted);
        AssertRows("cs", 20);
    }

    private void AssertRows(string name, long expected)
    {
        // The file is closed and complete: a fresh connection sees every acknowledged row.
        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, name + ".db")};Pooling=false");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(expected, (long)count.ExecuteScalar()!);
    }
}
