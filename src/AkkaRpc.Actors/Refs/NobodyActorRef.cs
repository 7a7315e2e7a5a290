namespace AkkaRpc.Actors;

/// <summary>The reference behind <see cref="ActorRefs.Nobody"/>; belongs to no system.</summary>
internal sealed class NobodyActorRef : InternalActorRef
{
    public static readonly NobodyActorRef Instance = new();

    private NobodyActorRef()
    {
        Path = new ActorPath(new Address(Address.LocalProtocol, "all-systems"), ["Nobody"]);
    }

    public override ActorPath Path { get; }

    public override ActorSystem? System => null;

    public override void Tell(object message, IActorRef? sender)
    {
        // Nobody has no system to log in; an asker learns at once instead of timing out.
        if (sender is IPromiseRef promise)
        {
            promise.Fail(new ActorNotFoundException("The message was sent to ActorRefs.Nobody."));
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            ((InternalActorRef)watch.Watcher).SendSystemMessage(
                new DeathWatchNotification(this, ExistenceConfirmed: false, AddressTerminated: false));
        }
    }
}
