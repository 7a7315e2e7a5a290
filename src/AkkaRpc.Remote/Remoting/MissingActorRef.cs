using AkkaRpc.Actors;

namespace AkkaRpc.Remote;

/// <summary>
/// A path a peer named on this node where no actor (or another incarnation) lives. Messages to it are dead letters;
/// watching it yields <see cref="Terminated"/> at once; written back to the peer it keeps the path and uid the peer
/// used, so the peer's watcher recognises the actor it watched.
/// </summary>
internal sealed class MissingActorRef(ActorSystem system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public override ActorSystem System => system;

    public override void Tell(object message, IActorRef? sender) =>
        system.DeadLetters.Tell(new DeadLetter(message, sender, this), sender);

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            ((InternalActorRef)watch.Watcher).SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false, AddressTerminated: false));
        }
    }
}
