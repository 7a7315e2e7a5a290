namespace AkkaRpc.Actors;

/// <summary>The kernel's view of a reference: it also takes system messages.</summary>
internal abstract class InternalActorRef : IActorRef
{
    public abstract ActorPath Path { get; }

    public abstract void Tell(object message, IActorRef? sender);

    /// <summary>Delivers a system message (create, stop, watch, ...) ahead of user messages.</summary>
    public abstract void SendSystemMessage(SystemMessage message);

    /// <summary>The system this reference belongs to, or null for <see cref="ActorRefs.Nobody"/>.</summary>
    public abstract ActorSystem? System { get; }

    /// <summary>Stops the actor (after the message it is processing).</summary>
    public void Stop() => SendSystemMessage(new Terminate());

    public bool Equals(IActorRef? other) =>
        other is not null && Path.Equals(other.Path) && Path.Uid == other.Path.Uid;

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path, Path.Uid);

    public int CompareTo(IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    public override string ToString() => $"[{Path}#{Path.Uid}]";
}
