using Akka.Actor;

namespace AkkaRpc.Client.Tests;

/// <summary>An application's own actor system, borrowed by <see cref="AkkaRpcClient.ConnectAsync(ActorSystem, string, AkkaRpcClientOptions?, CancellationToken)"/>.</summary>
public sealed class BorrowedSystemTests
{
    [Fact]
    public async Task AWriteOnASystemThatReachedTheNodeBeforeConnecting_RunsOnce_EvenWhenItWaitsLongerThanTheConnectTimeout()
    {
        await using var node = await TestNode.StartAsync();
        var options = node.ClientOptions();
        options.RequestTimeout = TimeSpan.FromMinutes(2);
        using var app = ActorSystem.Create("app", AkkaRpcClientConfig.For(options));
        try
        {
            // The application talked to the node on its own (by actor path) before it used AkkaRpc's client API.
            var nodeAddress = Transport.UnixSocketAddress.ToAddress(node.Socket, "AkkaRpc");
            var identity = await app.ActorSelection(new RootActorPath(nodeAddress) / "user" / NodePaths.DatabasesName).Ask<ActorIdentity>(new Identify(null), TestNode.Ceiling);
            Assert.NotNull(identity.Subject);

            await using var db = await AkkaRpcClient.ConnectAsync(app, "orders", options);
            await db.ExecuteAsync("CREATE TABLE t(x)");

            // Another client holds a transaction, so the write waits on the node (longer than the connect timeout).
            await using var holder = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
            var tx = await holder.BeginTransactionAsync(TimeSpan.FromMinutes(2));
            var write = db.ExecuteAsync("INSERT INTO t VALUES (1)");
            // Longer than the client's connect timeout (2 s) twice over: what a "never came up" deadline would wait.
            var outcome = await Record.ExceptionAsync(() => write.WaitAsync(TestTime.Seconds(8)));
            await tx.CommitAsync();
            if (outcome is null)
            {
                await write;
            }

            // Wait for everything the client sent to run.
            var count = (long)(await db.QueryAsync("SELECT count(*) FROM t")).Scalar()!;

            // The write waited its turn: either it is still waiting (TimeoutException) or it ran once. It must not have
            // been reported as never sent and then run anyway, more than once.
            Assert.True(count == 1 && outcome is null or TimeoutException, $"the write ran {count} times; the client said: {outcome?.Message ?? "done"}");
        }
        finally
        {
            await app.Terminate();
        }
    }
}
