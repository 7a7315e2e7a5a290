using AkkaRpc.Actors;

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
    public void Resolve_TwiceForOneName_GivesTheSameOwner_AtItsPath()
    {
        var first = Resolve("orders");
        var second = Resolve("orders");
        Assert.Equal(first, second);
        Assert.Equal("/user/databases/orders", first.Path.ToStringWithoutAddress());
        var info = Request<TargetDatabaseInfo>(first, new TargetDatabase());
        Assert.Equal(Path.Combine(DataDirectory, "orders.db"), info.FullPath);
    }

    [Fact]
    public void AnOwnerIdleLongerThanTheTimeout_IsStopped_AndTheNextResolveStartsAFreshOne()
    {
        var owner = Resolve("idle");
        Exec(owner, "CREATE TABLE t (v INTEGER)");
        Exec(owner, "INSERT INTO t VALUES (1)");
        Watch(owner);

        AdvanceUntil<Terminated>(TestProbe, TimeSpan.FromMinutes(1));
        var fresh = Resolve("idle");
        Assert.NotEqual(owner, fresh);
        Assert.Equal(1, Count(fresh, "t"));
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

public sealed class SupervisorShutdownTests : OwnerTestKit
{
    [Fact]
    public async Task StopDatabases_FinishesQueuedRequests_ThenClosesEveryDatabaseAndStops()
    {
        var first = Resolve("one");
        var second = Resolve("two");
        Exec(first, "CREATE TABLE t (v INTEGER)");
        for (var i = 0; i < 100; i++)
        {
            first.Tell(new Execute("INSERT INTO t VALUES ($v)", SqlParameters.Named(("v", i))), TestActor);
        }

        var stopped = Databases.GracefulStop(Dilated(TimeSpan.FromSeconds(10)), DatabasesSupervisor.StopDatabases.Instance);

        // Every write queued before the stop is answered; then the databases close and the supervisor stops.
        Assert.All(ReceiveN(100), reply => Assert.IsType<ExecuteResult>(reply));
        Assert.True(await stopped);
        Watch(first);
        Watch(second);
        ExpectTerminated(first);
        ExpectTerminated(second);

        // The file is closed and complete: a fresh connection sees all 100 rows.
        await using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "one.db")}");
        await check.OpenAsync();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(100L, await count.ExecuteScalarAsync());
    }
}
