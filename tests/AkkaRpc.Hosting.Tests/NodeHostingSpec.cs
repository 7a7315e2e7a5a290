using Akka.Actor;
using Akka.Hosting;
using AkkaRpc.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaRpc.Hosting.Tests;

/// <summary><c>WithAkkaRpcNode(config)</c>, as <c>akkarpc serve</c> runs it: reached by clients over its Unix socket.</summary>
public sealed class NodeHostingSpec() : NodeSpec("node")
{
    [Fact]
    public async Task AClient_ReachesTheNode_AndStatusListsItsDatabases()
    {
        await using var db = await AkkaRpcClient.ConnectAsync("orders", ClientOptions, TestContext.Current.CancellationToken);
        await db.ExecuteAsync("CREATE TABLE t (v)", cancellationToken: TestContext.Current.CancellationToken);

        var status = Assert.Single(await AkkaRpcNodes.StatusAsync(ClientOptions, TestContext.Current.CancellationToken));

        Assert.Equal(Environment.ProcessId, status.ProcessId);
        Assert.Contains(status.Databases, d => d.Name == "orders" && d.State == DatabaseState.Open);
        Assert.Contains(status.Addresses, a => a.StartsWith("akka.rpc.unix://", StringComparison.Ordinal));
        Assert.True(status.Connections >= 1);
    }

    [Fact]
    public async Task StopNode_RunsCoordinatedShutdown_AndTheSocketFileGoes()
    {
        await using (var db = await AkkaRpcClient.ConnectAsync("orders", ClientOptions, TestContext.Current.CancellationToken))
        {
            await db.PingAsync(TestContext.Current.CancellationToken);
        }

        var stopped = await AkkaRpcNodes.StopAsync("test", ClientOptions, TestContext.Current.CancellationToken);

        Assert.Equal([Environment.ProcessId], stopped);
        await Sys.WhenTerminated.WaitAsync(Ceiling, TestContext.Current.CancellationToken);
        Assert.False(File.Exists(Socket), "the socket file was left behind");
    }

    [Fact]
    public async Task ARemotePoisonPill_OrKill_StopsNothing_InUntrustedMode()
    {
        using var attacker = ActorSystem.Create("attacker", AkkaRpcClientConfig.For(ClientOptions));
        var databases = attacker.ActorSelection(new RootActorPath(Transport.UnixSocketAddress.ToAddress(Socket, Sys.Name)) / "user" / NodePaths.DatabasesName);
        Assert.NotNull((await databases.Ask<ActorIdentity>(new Identify(1), Ceiling, TestContext.Current.CancellationToken)).Subject);

        databases.Tell(PoisonPill.Instance);
        databases.Tell(Kill.Instance);

        // Still there, and still answering: the selection goes on the same connection, after the two above.
        Assert.IsType<Resolved>(await databases.Ask<DatabaseReply>(new Resolve("orders"), Ceiling, TestContext.Current.CancellationToken));
        Assert.Null(CoordinatedShutdown.Get(Sys).ShutdownReason);
        await attacker.Terminate();
    }

    [Fact]
    public async Task ARequestWithMoreParametersThanSqliteTakes_IsDroppedUndecoded_AndTheSamePeerAndOthersAreStillServed()
    {
        await using var db = await AkkaRpcClient.ConnectAsync("orders", ClientOptions, TestContext.Current.CancellationToken);
        await db.ExecuteAsync("CREATE TABLE t (v)", cancellationToken: TestContext.Current.CancellationToken);

        // Sent as a hostile peer would, past the client's own check: the node refuses it in the decoder, before it
        // allocates a value for each parameter, and nothing runs.
        using var attacker = ActorSystem.Create("attacker", AkkaRpcClientConfig.For(ClientOptions));
        var owner = await AkkaRpcClient.ResolveOwnerAsync(attacker, "orders", ClientOptions, TestContext.Current.CancellationToken);
        await EventFilter.Warning(contains: $"{SqlParameters.MaxCount + 1} values, over the limit of {SqlParameters.MaxCount}").ExpectOneAsync(
            () =>
            {
                owner.Tell(new Execute("INSERT INTO t VALUES (1)", SqlParameters.Positional(new SqlValue[SqlParameters.MaxCount + 1])));
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken);

        // Behind it on the same connection: the association stays up and serves the next request.
        Assert.IsType<Pong>(await owner.Ask<DatabaseReply>(new Ping(), Ceiling, TestContext.Current.CancellationToken));
        Assert.Equal(0L, (await db.QueryAsync("SELECT count(*) FROM t", cancellationToken: TestContext.Current.CancellationToken)).Scalar());
        await attacker.Terminate();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ARemovedSocketFile_IsMadeAgain_NewClientsConnect_AndOpenConnectionsCarryOn()
    {
        await using var before = await AkkaRpcClient.ConnectAsync("orders", ClientOptions, TestContext.Current.CancellationToken);
        await before.ExecuteAsync("CREATE TABLE t (v)", cancellationToken: TestContext.Current.CancellationToken);

        File.Delete(Socket);
        await AwaitAssertAsync(() => Assert.True(File.Exists(Socket), "the node did not listen at its socket path again"), Ceiling, cancellationToken: TestContext.Current.CancellationToken);

        await using var after = await AkkaRpcClient.ConnectAsync("orders", ClientOptions, TestContext.Current.CancellationToken);
        await after.ExecuteAsync("INSERT INTO t VALUES (1)", cancellationToken: TestContext.Current.CancellationToken);
        await before.ExecuteAsync("INSERT INTO t VALUES (2)", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2L, (await after.QueryAsync("SELECT count(*) FROM t", cancellationToken: TestContext.Current.CancellationToken)).Scalar());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Socket));
        Assert.Null(CoordinatedShutdown.Get(Sys).ShutdownReason);
    }

    [Theory]
    [InlineData(NodePaths.DatabasesName)]
    [InlineData(NodePaths.AdminName)]
    [InlineData("akkarpc-peer-watcher")]
    public async Task ATopLevelActorThatStops_ShutsTheNodeDown_WithANonZeroExitCode_SoItIsStartedAgain(string name)
    {
        await using (var db = await AkkaRpcClient.ConnectAsync("orders", ClientOptions, TestContext.Current.CancellationToken))
        {
            await db.ExecuteAsync("CREATE TABLE t (v)", cancellationToken: TestContext.Current.CancellationToken);
        }

        var actor = await Sys.ActorSelection("/user/" + name).ResolveOne(Ceiling, TestContext.Current.CancellationToken);
        var started = DateTime.UtcNow;
        Sys.Stop(actor);

        await Sys.WhenTerminated.WaitAsync(Ceiling, TestContext.Current.CancellationToken);
        var reason = Assert.IsType<NodeFailedReason>(CoordinatedShutdown.Get(Sys).ShutdownReason);
        Assert.Equal(1, reason.ExitCode);
        Assert.Contains($"/user/{name} stopped", reason.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Socket), "the socket file was left behind, so no new node could start");

        // The drain does not wait for a supervisor that is gone.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(25), $"the shutdown took {DateTime.UtcNow - started}");
    }

    [Fact]
    public async Task AnApplicationsOwnSystem_WithAkkaRpcClient_SendsPlainMessagesToAnOwner()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka("app", akka => akka.WithAkkaRpcClient(ClientOptions));
        using var app = builder.Build();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var system = app.Services.GetRequiredService<ActorSystem>();

        var owner = await AkkaRpcClient.ResolveOwnerAsync(system, "orders", ClientOptions, TestContext.Current.CancellationToken);
        var created = await owner.Ask<DatabaseReply>(new Execute("CREATE TABLE IF NOT EXISTS t (v)", SqlParameters.None), Ceiling, TestContext.Current.CancellationToken);
        var answer = await owner.Ask<DatabaseReply>(new Query("SELECT 6 * 7", SqlParameters.None), Ceiling, TestContext.Current.CancellationToken);
        await using var db = await AkkaRpcClient.ConnectAsync(system, "orders", ClientOptions, TestContext.Current.CancellationToken);

        Assert.IsType<ExecuteResult>(created);
        Assert.Equal(42L, Assert.IsType<QueryResult>(answer).Rows[0][0].AsInteger());
        Assert.Equal(42L, (await db.QueryAsync("SELECT 42", cancellationToken: TestContext.Current.CancellationToken)).Scalar());
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

}
