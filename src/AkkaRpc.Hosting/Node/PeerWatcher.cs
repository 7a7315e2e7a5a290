using Akka.Actor;
using Akka.Remote;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting;

/// <summary>
/// Tells the databases' supervisor when a connection from another process closes (Akka.Remote's
/// <see cref="DisassociatedEvent"/>), so a transaction that process held is rolled back at once: its client counts
/// the transaction lost as soon as the connection drops, and death watch alone would wait out its failure detector.
/// </summary>
internal sealed class PeerWatcher : ReceiveActor
{
    /// <summary>Its name under <c>/user</c>.</summary>
    public const string Name = "akkarpc-peer-watcher";

    // Public: Akka creates actors through their public constructors (Props.Create only names it).
    public PeerWatcher(IActorRef databases)
    {
        Receive<DisassociatedEvent>(e => databases.Tell(new DatabasesSupervisor.PeerGone(e.RemoteAddress)));
    }

    /// <inheritdoc />
    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DisassociatedEvent));
}
