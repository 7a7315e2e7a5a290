namespace AkkaRpc.Actors;

/// <summary>Something a message can be sent to: an actor reference or an actor selection.</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> without waiting; <paramref name="sender"/> is where replies go.</summary>
    void Tell(object message, IActorRef? sender);
}

/// <summary>An immutable, location-transparent handle to one incarnation of an actor.</summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's path, including the incarnation's uid.</summary>
    ActorPath Path { get; }
}
