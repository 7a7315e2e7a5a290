namespace AkkaRpc.Protocol.Serialization;

/// <summary>Encodes and decodes one message type; registered in a <see cref="CodecRegistry"/> under a fixed id.</summary>
/// <remarks>Implement it through <see cref="MessageCodec{T}"/>; this untyped view is what the registry and the transport use.</remarks>
public interface IMessageCodec
{
    /// <summary>The exact type this codec writes and reads.</summary>
    Type MessageType { get; }

    /// <summary>Writes the payload of <paramref name="message"/>, which must be of <see cref="MessageType"/>.</summary>
    void WriteObject(ref WireWriter writer, object message);

    /// <summary>Reads one payload written by <see cref="WriteObject"/>.</summary>
    /// <exception cref="WireFormatException">The input is not a valid payload.</exception>
    object ReadObject(ref WireReader reader);
}
