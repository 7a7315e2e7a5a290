using Akka.Actor;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>Writes an actor reference as its full serialized path and resolves it back through the system's provider, as Akka's own serializers do.</summary>
/// <remarks>
/// <see cref="Akka.Serialization.Serialization.SerializedActorPath"/> adds the address of the transport the message
/// travels on to a local reference, so the receiver can answer it over that transport.
/// </remarks>
internal sealed class AkkaActorRefCodec(ExtendedActorSystem system) : IActorRefCodec
{
    public void Write(ref WireWriter writer, IActorRef? actorRef) =>
        writer.WriteString(actorRef is null || actorRef.IsNobody() ? null : Akka.Serialization.Serialization.SerializedActorPath(actorRef));

    public IActorRef? Read(ref WireReader reader)
    {
        if (reader.ReadString() is not { } path)
        {
            return null;
        }

        try
        {
            return system.Provider.ResolveActorRef(path);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // Akka's path parser throws on some malformed input (a uid that is not a number) instead of answering dead letters.
            throw new WireFormatException($"Invalid actor reference '{path}': {e.Message}", e);
        }
    }
}
