using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Testing;

/// <summary>An actor reference that is only a path: enough to check that references survive a round trip.</summary>
internal sealed class PathActorRef(ActorPath path) : IActorRef
{
    public ActorPath Path { get; } = path;

    public static PathActorRef Parse(string path) => new(ActorPath.Parse(path));

    public void Tell(object message, IActorRef? sender) => throw new NotSupportedException("A path-only reference cannot receive messages.");

    public bool Equals(IActorRef? other) => other is not null && Path.Equals(other.Path) && Path.Uid == other.Path.Uid;

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Path.GetHashCode();

    public int CompareTo(IActorRef? other) => other is null ? 1 : Path.CompareTo(other.Path);
}

/// <summary>Writes a reference as its path text (null for no reference), as a connection's codec might.</summary>
internal sealed class PathActorRefCodec : IActorRefCodec
{
    public void Write(ref WireWriter writer, IActorRef? actorRef) => writer.WriteString(actorRef?.Path.ToString());

    public IActorRef? Read(ref WireReader reader)
    {
        var text = reader.ReadString();
        if (text is null)
        {
            return null;
        }

        return ActorPath.TryParse(text, out var path)
            ? new PathActorRef(path)
            : throw new WireFormatException($"Invalid actor reference: '{text}' is not an actor path.");
    }
}
