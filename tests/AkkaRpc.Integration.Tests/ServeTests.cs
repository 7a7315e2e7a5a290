using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using AkkaRpc.Client;
using AkkaRpc.Hosting;

namespace AkkaRpc.Integration.Tests;

/// <summary>
/// A plain Akka.NET system in this process (Akka.TestKit's, configured by <see cref="AkkaRpcClientConfig"/> from the
/// shipped client.conf) sending database messages to a real <c>akkarpc serve</c> process.
/// </summary>
public sealed class ServeTests : AkkaRpcTestKit, IAsyncLifetime
{
    private readonly string _directory;

    public ServeTests()
        : this(Directory.CreateTempSubdirectory("akkarpc-serve-").FullName)
    {
    }

    // The directory is known before the TestKit's system starts: its cookie is in the system's config.
    private ServeTests(string directory)
        : base(ClientConfig(Cookie(directory)))
    {
        _directory = directory;
    }

    private static TimeSpan Ceiling => TestTime.Seconds(20);

    private string DataDir => Path.Combine(_directory, "data");

    private string Socket => Path.Combine(_directory, "run", "node.sock");

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Sys.Terminate();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Cookie(string directory) => Path.Combine(directory, "cookie");

    private static Config ClientConfig(string cookie)
    {
        // The client takes its settings from the shipped client.conf, with this test's cookie.
        var shipped = AkkaRpcClientOptions.FromConfig(AkkaRpcConfiguration.Load(Path.Combine(AppContext.BaseDirectory, "hocon", "client.conf")));
        shipped.CookiePath = cookie;
        return AkkaRpcClientConfig.For(shipped);
    }

    [Fact]
    public async Task Serve_AnswersOverTcpAndTheUnixSocket_AndTheDataLandsInTheDataDirectory()
    {
        await using var node = await StartNodeAsync();
        Assert.Equal(2, node.Addresses.Count);

        foreach (var address in node.Addresses)
        {
            var owner = await OwnerAsync(address, "orders");
            Assert.IsType<ExecuteResult>(await owner.Ask<DatabaseReply>(new Execute("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT)", SqlParameters.None), Ceiling));
            Assert.IsType<ExecuteResult>(await owner.Ask<DatabaseReply>(new Execute("INSERT INTO items (name) VALUES ($n)", SqlParameters.Named(("n", address.Protocol))), Ceiling));
            var info = Assert.IsType<TargetDatabaseInfo>(await owner.Ask<DatabaseReply>(new TargetDatabase(), Ceiling));
            Assert.Equal(Path.Combine(DataDir, "orders.db"), info.FullPath);
        }

        var owner2 = await OwnerAsync(node.Addresses[1], "orders");
        var rows = Assert.IsType<QueryResult>(await owner2.Ask<DatabaseReply>(new Query("SELECT name FROM items ORDER BY id", SqlParameters.None), Ceiling));
        Assert.Equal(node.Addresses.Select(a => a.Protocol), rows.Rows.Select(r => r[0].AsText()));
    }

    [Fact]
    public async Task KillingTheNodeProcess_DisassociatesAtOnce_AndWatchersGetTerminated()
    {
        await using var node = await StartNodeAsync();
        var owner = await OwnerAsync(node.Addresses[0], "killed");
        await owner.Ask<DatabaseReply>(new Execute("CREATE TABLE t (v)", SqlParameters.None), Ceiling);
        var watcher = CreateTestProbe();
        watcher.Watch(owner);
        var lifecycle = CreateTestProbe();
        Sys.EventStream.Subscribe(lifecycle.Ref, typeof(Akka.Remote.DisassociatedEvent));
        await owner.Ask<DatabaseReply>(new Ping(), Ceiling);

        // A long statement is running on the node when it dies.
        _ = owner.Ask<DatabaseReply>(new Query("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 100000000) SELECT count(*) FROM s", SqlParameters.None), TimeSpan.FromMinutes(5));
        var clock = Stopwatch.StartNew();
        node.KillHard();

        // The connection's close is seen at once (the client fails in-flight requests on it); death watch follows
        // when Akka.Remote's failure detector gives up on the silent node.
        Assert.Equal(node.Addresses[0], lifecycle.ExpectMsg<Akka.Remote.DisassociatedEvent>(Ceiling).RemoteAddress);
        var disassociatedAfter = clock.Elapsed;
        // Terminated comes either from the failure detector (AddressTerminated) or, when the RemoteWatcher had not yet
        // forwarded its watch before the kill, from the undeliverable watch itself; both mean the owner is gone.
        watcher.ExpectTerminated(owner, Ceiling);
        Assert.True(disassociatedAfter < TestTime.Seconds(5), $"the disassociation took {disassociatedAfter}");
    }

    [Fact]
    public async Task Sigterm_AnswersQueuedRequests_ClosesTheDatabases_AndRemovesTheSocketFile()
    {
        var node = await StartNodeAsync();
        await using (node)
        {
            var owner = await OwnerAsync(node.Addresses[0], "drained");
            await owner.Ask<DatabaseReply>(new Execute("CREATE TABLE t (v INTEGER)", SqlParameters.None), Ceiling);
            var probe = CreateTestProbe();
            for (var i = 0; i < 200; i++)
            {
                owner.Tell(new Execute("INSERT INTO t VALUES ($v)", SqlParameters.Named(("v", i))), probe.Ref);
            }

            var first = probe.ExpectMsg<DatabaseReply>(Ceiling);
            node.Terminate();

            // Every insert either was acknowledged or failed as "outcome unknown"; acknowledged ones must be on disk.
            var replies = new List<object> { first };
            try
            {
                replies.AddRange(probe.ReceiveN(199, Ceiling));
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or TimeoutException)
            {
                // Requests that reached the node after it started draining get no reply; the node still exits cleanly.
            }

            Assert.Equal(0, await node.WaitForExitAsync(Ceiling));
            var acknowledged = replies.OfType<ExecuteResult>().Count();
            Assert.True(acknowledged >= 1);
            Assert.False(File.Exists(Socket), "the socket file was left behind");

            using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDir, "drained.db")}");
            check.Open();
            using var count = check.CreateCommand();
            count.CommandText = "SELECT count(*) FROM t";
            Assert.True((long)count.ExecuteScalar()! >= acknowledged, $"only {count.ExecuteScalar()} rows for {acknowledged} acknowledged inserts");
        }
    }

    private Task<NodeProcess> StartNodeAsync() => NodeProcess.StartAsync(DataDir, Socket, Cookie(_directory), Ceiling);

    private async Task<IActorRef> OwnerAsync(Address node, string database)
    {
        // By ActorPath: a Unix socket address's percent-encoded host is not a Uri host, so the string form would not parse.
        var databases = await Sys.ActorSelection(new RootActorPath(node) / "user" / NodePaths.DatabasesName).ResolveOne(Ceiling);
        var resolved = await databases.Ask<DatabaseReply>(new Resolve(database), Ceiling);
        return Assert.IsType<Resolved>(resolved).Owner;
    }
}
