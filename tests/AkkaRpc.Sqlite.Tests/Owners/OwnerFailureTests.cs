using AkkaRpc.Actors;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class OwnerFailureTests : OwnerTestKit
{
    public OwnerFailureTests()
        : base(o => o with { MaxFailures = 3, MailboxCapacity = 3 })
    {
    }

    [Fact]
    public void AFileMovedAway_FailsTheOwner_ItReopensAfterTheBackoff_AndNoAcknowledgedWriteIsLost()
    {
        var owner = Resolve("moved");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        for (var i = 0; i < 50; i++)
        {
            Exec(owner, "INSERT INTO t VALUES ($v)", SqlParameters.Named(("v", i)));
        }

        var path = Path.Combine(DataDirectory, "moved.db");
        File.Move(path, path + ".away");

        // The request that finds the failure is answered (not left to time out); the owner then restarts.
        var unavailable = Request<DatabaseUnavailable>(owner, new Execute("INSERT INTO t VALUES (999)"));
        Assert.Equal("moved", unavailable.Name);
        owner.Tell(new Query("SELECT count(*) FROM t", SqlParameters.None), TestActor);

        File.Move(path + ".away", path);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(path + ".away" + suffix))
            {
                File.Move(path + ".away" + suffix, path + suffix, overwrite: true);
            }
        }

        // The waiting query runs against the reopened file: every acknowledged write is there, the failed one is not.
        Assert.Equal(50, AdvanceUntil<QueryResult>(TestProbe, Options.MinBackoff).Rows[0][0].AsInteger());
        Assert.Equal(owner, Resolve("moved")); // Restarted in place: the same reference keeps working.
    }

    [Fact]
    public void AFileThatIsNotADatabase_FailsEveryReopen_ThenTheDatabaseIsReportedUnavailableWithTheReason()
    {
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(Path.Combine(DataDirectory, "garbage.db"), new string('x', 4096));
        var owner = Resolve("garbage");
        Watch(owner);

        // Open fails in PreStart; each reopen waits min, 2·min, ... and fails again, until MaxFailures within the window.
        AdvanceUntil<Terminated>(TestProbe, Options.MinBackoff);
        Databases.Tell(new Resolve("garbage"), TestActor);
        var unavailable = ExpectMsg<DatabaseUnavailable>();
        Assert.Contains("not a database", unavailable.LastFailure, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("garbage", unavailable.Message, StringComparison.Ordinal);

        // After the failure window the node tries again (and the file is fixed meanwhile).
        File.Delete(Path.Combine(DataDirectory, "garbage.db"));
        Clock.Advance(Options.FailureWindow + TimeSpan.FromSeconds(1));
        var reopened = Resolve("garbage");
        Request<Pong>(reopened, new Ping());
    }

    [Fact]
    public void WaitingRequestsBeyondTheCapacity_AreAnsweredOverloadedAtOnce_AndNothingIsLost()
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
        Assert.Contains("queued", overloaded.Message, StringComparison.Ordinal);

        Request<TransactionEnded>(owner, new Commit(started.TransactionId));
        Assert.All(other.ReceiveN(Options.MailboxCapacity), reply => Assert.IsType<ExecuteResult>(reply));
        other.ExpectNoMsg(Dilated(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void AFullMailbox_AnswersOverloaded_ThroughTheOwnersProps()
    {
        var props = DatabaseOwner.Props("x", Options, new FailureHistory(Options, TimeProvider.System));
        Assert.Equal(Options.MailboxCapacity, props.MailboxCapacity);
        var reply = Assert.IsType<Overloaded>(props.MailboxFullReply!(new Ping(), ActorRefs.Nobody));
        Assert.Equal(("x", Options.MailboxCapacity), (reply.Name, reply.Capacity));
    }
}
