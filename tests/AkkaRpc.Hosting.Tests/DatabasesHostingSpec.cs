using Akka.Actor;
using Akka.Hosting;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting.Tests;

/// <summary><c>WithAkkaRpcDatabases()</c> in an application's own actor system: owners reached by plain actor messages.</summary>
public sealed class DatabasesHostingSpec : Akka.Hosting.TestKit.TestKit
{
    private readonly string _dir = Directory.CreateTempSubdirectory("akkarpc-dbhost-").FullName;

    private static TimeSpan Ceiling => TestTime.Seconds(10);

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) => builder
        .AddHocon("akka.test.timefactor = " + TestTime.Factor.ToString(System.Globalization.CultureInfo.InvariantCulture), HoconAddMode.Prepend)
        .WithAkkaRpcDatabases(new DatabasesOptions { Database = new DatabaseOptions { DataDirectory = _dir } });

    [Fact]
    public async Task TheSupervisor_IsInTheRegistry_AndItsOwnersAnswerPlainMessages()
    {
        var databases = await ActorRegistry.GetAsync<DatabasesSupervisor>(TestContext.Current.CancellationToken);
        var owner = Assert.IsType<Resolved>(await databases.Ask<DatabaseReply>(new Resolve("orders"), Ceiling, TestContext.Current.CancellationToken)).Owner;

        owner.Tell(new Execute("CREATE TABLE t (v)", SqlParameters.None), TestActor);
        owner.Tell(new Execute("INSERT INTO t VALUES (42)", SqlParameters.None), TestActor);
        owner.Tell(new Query("SELECT v FROM t", SqlParameters.None), TestActor);

        ExpectMsg<ExecuteResult>(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, ExpectMsg<ExecuteResult>(cancellationToken: TestContext.Current.CancellationToken).RowsAffected);
        Assert.Equal(42L, ExpectMsg<QueryResult>(cancellationToken: TestContext.Current.CancellationToken).Rows[0][0].AsInteger());
        Assert.Equal("/user/databases", databases.Path.ToStringWithoutAddress());
        Assert.True(File.Exists(Path.Combine(_dir, "orders.db")));
    }

    [Fact]
    public async Task CoordinatedShutdown_AnswersEveryQueuedRequest_BeforeTheSystemStops()
    {
        var databases = await ActorRegistry.GetAsync<DatabasesSupervisor>(TestContext.Current.CancellationToken);
        var owner = Assert.IsType<Resolved>(await databases.Ask<DatabaseReply>(new Resolve("drained"), Ceiling, TestContext.Current.CancellationToken)).Owner;
        owner.Tell(new Execute("CREATE TABLE t (v)", SqlParameters.None), TestActor);
        ExpectMsg<ExecuteResult>(cancellationToken: TestContext.Current.CancellationToken);
        for (var i = 0; i < 100; i++)
        {
            owner.Tell(new Execute("INSERT INTO t VALUES ($v)", SqlParameters.Named(("v", i))), TestActor);
        }

        var shutdown = CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.ClrExitReason.Instance);

        for (var i = 0; i < 100; i++)
        {
            ExpectMsg<ExecuteResult>(Ceiling, cancellationToken: TestContext.Current.CancellationToken);
        }

        await shutdown.WaitAsync(Ceiling, TestContext.Current.CancellationToken);
        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "drained.db")};Pooling=False");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(100L, (long)count.ExecuteScalar()!);
    }

    protected override async Task AfterAllAsync()
    {
        await base.AfterAllAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
