using System.Diagnostics;
using AkkaRpc.Actors;
using AkkaRpc.Hosting;
using Microsoft.Extensions.Configuration;
using AkkaRpc.Remote;
using AkkaRpc.Remote.Serialization;
using AkkaRpc.Sqlite;
using AkkaRpc.Sqlite.Wire;

namespace AkkaRpc.Integration.Tests;

/// <summary>A client system in this process against a real <c>akkarpc serve</c> process.</summary>
public sealed class ServeTests : AkkaRpc.TestKit.TestKit, IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-serve-");
    private Remoting? _client;

    private static TimeSpan Ceiling => Dilated(TimeSpan.FromSeconds(20));

    private string DataDir => Path.Combine(_directory.FullName, "data");

    private string Socket => Path.Combine(_directory.FullName, "run", "node.sock");

    private string Cookie => Path.Combine(_directory.FullName, "cookie");

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        await Sys.Terminate();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Serve_AnswersOverTcpAndTheUnixSocket_AndTheDataLandsInTheDataDirectory()
    {
        await using var node = await StartNodeAsync();
        Assert.Equal(2, node.Addresses.Count);

        foreach (var address in node.Addresses)
        {
            var owner = await OwnerAsync(address, "orders");
            Assert.IsType<ExecuteResult>(await owner.Ask<DatabaseReply>(new Execute("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT)"), Ceiling));
            Assert.IsType<ExecuteResult>(await owner.Ask<DatabaseReply>(new Execute("INSERT INTO items (name) VALUES ($n)", SqlParameters.Named(("n", address.Protocol))), Ceiling));
            var info = Assert.IsType<TargetDatabaseInfo>(await owner.Ask<DatabaseReply>(new TargetDatabase(), Ceiling));
            Assert.Equal(Path.Combine(DataDir, "orders.db"), info.FullPath);
        }

        var owner2 = await OwnerAsync(node.Addresses[1], "orders");
        var rows = Assert.IsType<QueryResult>(await owner2.Ask<DatabaseReply>(new Query("SELECT name FROM items ORDER BY id", SqlParameters.None), Ceiling));
        Assert.Equal(["akkarpc.tcp", "akkarpc.unix"], rows.Rows.Select(r => r[0].AsText()));
    }

    [Fact]
    public async Task KillingTheNodeProcess_FailsPendingRequestsAtOnce_AndWatchersGetAddressTerminated()
    {
        await using var node = await StartNodeAsync();
        var owner = await OwnerAsync(node.Addresses[0], "killed");
        await owner.Ask<DatabaseReply>(new Execute("CREATE TABLE t (v)"), Ceiling);
        var watcher = CreateTestProbe();
        watcher.Watch(owner);
        await owner.Ask<DatabaseReply>(new Ping(), Ceiling); // The watch went out before this on the same connection.

        // A long statement is running on the node when it dies: its outcome is unknown to the client.
        var pending = owner.Ask<DatabaseReply>(new Query("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 100000000) SELECT count(*) FROM s", SqlParameters.None), TimeSpan.FromMinutes(5));
        var clock = Stopwatch.StartNew();
        node.KillHard();

        var error = await Assert.ThrowsAsync<RemoteConnectionLostException>(() => pending.WaitAsync(Ceiling));
        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.True(watcher.ExpectTerminated(owner, Ceiling).AddressTerminated);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Sigterm_AnswersQueuedRequests_ClosesTheDatabases_AndRemovesTheSocketFile()
    {
        var node = await StartNodeAsync();
        await using (node)
        {
            var owner = await OwnerAsync(node.Addresses[0], "drained");
            await owner.Ask<DatabaseReply>(new Execute("CREATE TABLE t (v INTEGER)"), Ceiling);
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
            catch (AkkaRpc.TestKit.TestKitAssertionException)
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

    private async Task<NodeProcess> StartNodeAsync()
    {
        var node = await NodeProcess.StartAsync(DataDir, Socket, Cookie, Ceiling);
        if (_client is null)
        {
            var codecs = SqliteCodecs.CreateRegistry();
            // The client takes its settings from the shipped client.conf (no listener), with this test's cookie.
            var configuration = new ConfigurationBuilder()
                .AddAkkaRpcConfiguration(Path.Combine(AppContext.BaseDirectory, "hocon", "client.conf"), [$"--remote:cookie-path={Cookie}"])
                .Build();
            var options = RemotingOptionsReader.Read(configuration);
            Assert.False(options.ListenTcp);
            _client = await Remoting.StartAsync(Sys, options, codecs);
        }

        return node;
    }

    private async Task<IActorRef> OwnerAsync(Address node, string database)
    {
        var databases = await Sys.ActorSelection($"{node}/user/databases").ResolveOne(Ceiling);
        var resolved = await databases.Ask<DatabaseReply>(new Resolve(database), Ceiling);
        return Assert.IsType<Resolved>(resolved).Owner;
    }
}
