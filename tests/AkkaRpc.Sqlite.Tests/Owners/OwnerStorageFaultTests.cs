namespace AkkaRpc.Sqlite.Tests.Owners;

/// <summary>Issue 11 item 7 through the owners: a storage fault is answered with its cause, and the first request after it is gone succeeds.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OwnerStorageFaultTests : OwnerTestKit
{
    private readonly StorageFault _fault;

    public OwnerStorageFaultTests()
        : base(o => o with { MaxFailures = 2 })
    {
        _fault = new StorageFault(DataDirectory);
    }

    [Fact]
    public void AStorageFault_IsAnsweredWithItsCause_ReadsGoOn_AndEveryDatabaseWorksAtTheFirstRequestAfterItIsGone()
    {
        var served = Resolve("served");
        Exec(served, "CREATE TABLE t (x INTEGER)");
        Exec(served, "INSERT INTO t VALUES (1)");
        Assert.Equal(1, Count(served, "t"));

        _fault.Apply();

        // A database opened now cannot be: each request says why, at once, without the backoff (more requests than
        // MaxFailures, and no virtual time passes).
        var newcomer = Resolve("newcomer");
        for (var i = 0; i < Options.MaxFailures + 2; i++)
        {
            var unavailable = Request<DatabaseUnavailable>(newcomer, new Ping());
            Assert.Contains(_fault.Cause, unavailable.LastFailure, StringComparison.Ordinal);
        }

        // The open database reads on; its writes are answered with the cause, and it stays open.
        Assert.Equal(1, Count(served, "t"));
        served.Tell(new Execute("INSERT INTO t VALUES (2)"), TestActor);
        var refused = ExpectMsg<DatabaseError>();
        Assert.Contains(_fault.Cause, refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, Count(served, "t"));

        _fault.Lift();

        Request<Pong>(newcomer, new Ping());
        Exec(served, "INSERT INTO t VALUES (3)");
        Assert.Equal(2, Count(served, "t"));
        Exec(newcomer, "CREATE TABLE t (x INTEGER)");
        Assert.All(GetStatus(), status => Assert.Equal(DatabaseState.Open, status.State));
        Assert.Equal(newcomer, Resolve("newcomer"));
    }

    protected override void AfterAll()
    {
        // The base closes every database and empties the directory, but cannot remove a mount point.
        base.AfterAll();
        _fault.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
