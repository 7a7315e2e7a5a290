using Akka.Actor;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class OwnerFailureTests : OwnerTestKit
{
    public OwnerFailureTests()
        : base(o => o with { MaxFailures = 3 })
    {
    }

    [Fact]
    public void AFileMovedAway_IsRestoredAtItsPath_WithoutFailingTheOwner_AndNoAcknowledgedWriteIsLost()
    {
        var owner = Resolve("moved");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        for (var i = 0; i < 50; i++)
        {
            Exec(owner, "INSERT INTO t VALUES ($v)", SqlParameters.Named(("v", i)));
        }

        var path = Path.Combine(DataDirectory, "moved.db");
        File.Move(path, path + ".away");

        // Said at error level, naming the file and what was done; the write is acknowledged once it is at the path.
        EventFilter.Error(contains: $"'{path}' was deleted or renamed").ExpectOne(() => Exec(owner, "INSERT INTO t VALUES (999)"));
        File.Delete(path + ".away");
        Assert.Equal(51, Count(owner, "t"));
        Assert.Equal(DatabaseState.Open, Assert.Single(GetStatus()).State);

        // Stopped and opened afresh, the file at the path holds every acknowledged write.
        Databases.Tell(DatabasesSupervisor.Drain.Instance, TestActor);
        ExpectMsg<DatabasesSupervisor.Drained>();
        using var reopened = SqliteDatabase.Open("moved", Options.Database);
        Assert.Equal(51, Assert.IsType<QueryResult>(reopened.Query(new Query("SELECT count(*) FROM t"))).Rows[0][0].AsInteger());
    }

    [Fact]
    public void AFileReplacedUnderneath_FailsTheOwner_ItReopensTheNewFileAfterTheBackoff_WithTheOldDataSavedBesideIt()
    {
        var owner = Resolve("replaced");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        Exec(owner, "INSERT INTO t VALUES (1)");
        var path = Path.Combine(DataDirectory, "replaced.db");
        ReplaceWithAnEmptyDatabase(path);

        // The request that finds the failure is answered (not left to time out); the owner then restarts and the
        // supervisor arms the first backoff delay.
        ExpectBackoff(Options.MinBackoff, () =>
        {
            var unavailable = Request<DatabaseUnavailable>(owner, new Execute("INSERT INTO t VALUES (999)"));
            Assert.Contains("replaced by another file", unavailable.LastFailure, StringComparison.Ordinal);
        });
        owner.Tell(new Query("SELECT count(*) FROM sqlite_schema", SqlParameters.None), TestActor);
        Assert.Equal(DatabaseState.Reopening, Assert.Single(GetStatus()).State);

        // The waiting query runs against the new file; the old data is beside it.
        Scheduler.Advance(Options.MinBackoff);
        Assert.Equal(0, ExpectMsg<QueryResult>().Rows[0][0].AsInteger());
        Assert.Equal(owner, Resolve("replaced")); // Restarted in place: the same reference keeps working.
        AwaitAssert(() => Assert.Equal(DatabaseState.Open, Assert.Single(GetStatus()).State));
        var aside = Assert.Single(Directory.GetFiles(DataDirectory, "replaced.db.replaced-*"));
        using var saved = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={aside};Pooling=False");
        saved.Open();
        using var count = saved.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(1L, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public void AFileThatIsNotADatabase_FailsEveryReopenWithAGrowingDelay_ThenIsReportedUnavailableWithTheReason()
    {
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(Path.Combine(DataDirectory, "garbage.db"), new string('x', 4096));
        var probe = CreateTestProbe();

        // Open fails in PreStart; each reopen waits min, then 2·min, and fails again, until MaxFailures within the window.
        IActorRef owner = ActorRefs.Nobody;
        ExpectBackoff(Options.MinBackoff, () => owner = Resolve("garbage"));
        probe.Watch(owner);
        owner.Tell(new Ping(), TestActor);
        ExpectBackoff(Options.MinBackoff * 2, () => Scheduler.Advance(Options.MinBackoff));
        EventFilter.Error(contains: "failed 3 times").ExpectOne(() => Scheduler.Advance(Options.MinBackoff * 2));
        probe.ExpectTerminated(owner);

        // The ping that waited through the reopens is answered as the owner gives up, with the reason.
        var waited = ExpectMsg<DatabaseUnavailable>();
        Assert.Contains("not a database", waited.LastFailure, StringComparison.OrdinalIgnoreCase);

        Databases.Tell(new Resolve("garbage"), TestActor);
        var unavailable = ExpectMsg<DatabaseUnavailable>();
        Assert.Contains("not a database", unavailable.LastFailure, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("garbage", unavailable.Message, StringComparison.Ordinal);

        // After the failure window the node tries again (and the file is fixed meanwhile).
        File.Delete(Path.Combine(DataDirectory, "garbage.db"));
        Scheduler.Advance(Options.FailureWindow);
        var reopened = Resolve("garbage");
        Assert.NotEqual(owner, reopened);
        Request<Pong>(reopened, new Ping());
    }

    [Fact]
    public void FailuresFurtherApartThanTheWindow_NeverMakeTheDatabaseUnavailable()
    {
        var owner = Resolve("flaky");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        var path = Path.Combine(DataDirectory, "flaky.db");

        // Three failures, each a window after the last: each is the first of its window, so each backs off the minimum.
        for (var i = 0; i < Options.MaxFailures; i++)
        {
            ReplaceWithAnEmptyDatabase(path);
            ExpectBackoff(Options.MinBackoff, () => Request<DatabaseUnavailable>(owner, new Execute("INSERT INTO t VALUES (1)")));
            Scheduler.Advance(Options.MinBackoff);
            AwaitAssert(() => Assert.Equal(DatabaseState.Open, Assert.Single(GetStatus()).State));
            Scheduler.Advance(Options.FailureWindow);
        }

        Assert.Equal(owner, Resolve("flaky"));
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        Exec(owner, "INSERT INTO t VALUES (2)");
    }

    /// <summary>Puts a new, empty database file at <paramref name="path"/> in one rename, as a restore from a backup would.</summary>
    private static void ReplaceWithAnEmptyDatabase(string path)
    {
        File.WriteAllBytes(path + ".new", []);
        File.Move(path + ".new", path, overwrite: true);
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(7, 6_400)]
    [InlineData(8, 10_000)]
    [InlineData(1_000, 10_000)]
    public void Backoff_DoublesPerFailureWithinTheWindow_UpToTheCap(int failures, int milliseconds)
    {
        var options = new DatabasesOptions { MinBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(10) };
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DatabasesSupervisor.Backoff(options, failures));
    }
}
