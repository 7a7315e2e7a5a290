using Akka.Actor;
using Akka.Dispatch.SysMsg;
using Akka.Hosting;
using Akka.Remote;
using AkkaRpc.Client;

namespace AkkaRpc.Hosting.Tests;

/// <summary>
/// Untrusted mode beyond PoisonPill and Kill: Akka.Remote would deliver a remote peer's system messages (other than
/// Terminate) to any local actor the peer holds a reference to, and a client holds the supervisor's and every owner's.
/// The node lets in only death watch's: a peer that sends another has its connection closed, with a logged reason,
/// and nothing else happens.
/// </summary>
public sealed class UntrustedModeSpec() : NodeSpec("untrusted")
{
    [Fact]
    public async Task ARemoteSuspend_DoesNotFreezeTheDatabasesSupervisor_AndClosesThatPeersConnection()
    {
        using var attacker = ActorSystem.Create("attacker", AkkaRpcClientConfig.For(ClientOptions));
        var databases = attacker.ActorSelection(new RootActorPath(Transport.UnixSocketAddress.ToAddress(Socket, Sys.Name)) / "user" / NodePaths.DatabasesName);
        var supervisor = (await databases.Ask<ActorIdentity>(new Identify(1), Ceiling, TestContext.Current.CancellationToken)).Subject;
        Assert.NotNull(supervisor);
        var dropped = Disassociation(attacker);

        // Any Akka.NET program can do this with the reference it was given: IInternalActorRef is public API.
        ((IInternalActorRef)supervisor).SendSystemMessage(new Suspend());

        await dropped.WaitAsync(Ceiling, TestContext.Current.CancellationToken);
        await using var db = await AkkaRpcClient.ConnectAsync("orders", ClientOptions, TestContext.Current.CancellationToken); // resolved by the supervisor
        Assert.Equal(1L, (await db.QueryAsync("SELECT 1", cancellationToken: TestContext.Current.CancellationToken)).Scalar());
        await attacker.Terminate();
    }

    [Fact]
    public async Task ARemoteRecreate_DoesNotRestartAnOwner_NorRollBackItsTransaction()
    {
        await using var db = await AkkaRpcClient.ConnectAsync("orders", ClientOptions, TestContext.Current.CancellationToken);
        await db.ExecuteAsync("CREATE TABLE t(x)", cancellationToken: TestContext.Current.CancellationToken);
        var tx = await db.BeginTransactionAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        await tx.ExecuteAsync("INSERT INTO t VALUES (1)", cancellationToken: TestContext.Current.CancellationToken);

        using var attacker = ActorSystem.Create("attacker", AkkaRpcClientConfig.For(ClientOptions));
        var owner = await AkkaRpcClient.ResolveOwnerAsync(attacker, "orders", ClientOptions, TestContext.Current.CancellationToken);
        var dropped = Disassociation(attacker);
        ((IInternalActorRef)owner).SendSystemMessage(new Recreate(new InvalidOperationException("remote")));
        await dropped.WaitAsync(Ceiling, TestContext.Current.CancellationToken);

        await tx.CommitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1L, (await db.QueryAsync("SELECT count(*) FROM t", cancellationToken: TestContext.Current.CancellationToken)).Scalar());
        await attacker.Terminate();
    }

    // Completes when the attacker's system sees its connection to the node closed.
    private static Task Disassociation(ActorSystem attacker)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = attacker.ActorOf(Props.Create(() => new DisassociationListener(closed)));
        attacker.EventStream.Subscribe(listener, typeof(DisassociatedEvent));
        return closed.Task;
    }

    private sealed class DisassociationListener : ReceiveActor
    {
        public DisassociationListener(TaskCompletionSource closed) => Receive<DisassociatedEvent>(_ => closed.TrySetResult());
    }
}
