using Akka.Actor;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>Writes/reads actor references inside messages; supplied by the connection a message travels on.</summary>
/// <remarks>
/// A reference only means something relative to a connection (which node it points at, which local
/// actor a path resolves to), so codecs never encode references themselves: they call
/// <see cref="WireWriter.WriteActorRef"/> and <see cref="WireReader.ReadActorRef"/>, which delegate here.
/// </remarks>
public interface IActorRefCodec
{
    /// <summary>Writes <paramref name="actorRef"/>, which may be null.</summary>
    void Write(ref WireWriter writer, IActorRef? actorRef);

    /// <summary>Reads a reference written by <see cref="Write"/>; throws <see cref="WireFormatException"/> on malformed input.</summary>
    IActorRef? Read(ref WireReader reader);
}
