using System.Buffers;
using Akka.Actor;

namespace AkkaRpc.Protocol.Tests;

/// <summary>
/// Encodes and decodes through the real writer, reader and codecs: whole messages in their nested form (id, length,
/// payload), so one helper covers the database and node codecs; actor references resolve in a real Akka system.
/// </summary>
internal static class ProtocolWire
{
    /// <summary>An actor system with our serializers bound, for tests that need real references or Akka's serialization.</summary>
    public static ActorSystem System { get; } = ActorSystem.Create("protocol-tests", ProtocolConfig.Serialization);

    /// <summary>A live actor, for messages that carry a reference.</summary>
    public static IActorRef Owner { get; } = System.ActorOf(Props.Empty, "orders");

    public static IActorRefCodec Refs { get; } = new AkkaActorRefCodec((ExtendedActorSystem)System);

    /// <summary>Every database and node codec in one registry.</summary>
    public static CodecRegistry Registry { get; } = CreateRegistry();

    /// <summary>Runs <paramref name="write"/> against a fresh buffer (a ref struct writer cannot be captured, so the lambda makes its own).</summary>
    public static byte[] Encode(Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Encode(object? message) => EncodeMessage(message);

    public static byte[] EncodeMessage(object? message, CodecRegistry? registry = null)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output, Refs, registry ?? Registry);
        writer.WriteMessage(message);
        return output.WrittenSpan.ToArray();
    }

    public static object? Decode(byte[] bytes) => Decode(new ReadOnlySequence<byte>(bytes));

    public static object? Decode(ReadOnlySequence<byte> bytes)
    {
        var reader = new WireReader(bytes, Refs, registry: Registry);
        return reader.ReadMessageToEnd();
    }

    public static object? DecodeMessage(byte[] bytes, CodecRegistry? registry = null, bool segmented = false)
    {
        var reader = new WireReader(segmented ? SegmentedSequence.OneBytePerSegment(bytes) : new ReadOnlySequence<byte>(bytes), Refs, registry: registry ?? Registry);
        return reader.ReadMessageToEnd();
    }

    public static WireReader Reader(byte[] bytes, int maxLength = WireReader.DefaultMaxStringOrBytesLength) =>
        new(new ReadOnlySequence<byte>(bytes), Refs, maxLength, Registry);

    /// <summary>Decodes its own encoding, checking that the copy is the same type and encodes to the same bytes.</summary>
    public static T RoundTrip<T>(T message)
        where T : notnull
    {
        var bytes = Encode(message);
        var decoded = Decode(bytes);
        Assert.NotNull(decoded);
        Assert.Equal(message.GetType(), decoded.GetType());
        Assert.Equal(bytes, Encode(decoded));
        Assert.Equal(bytes, Encode(Decode(SegmentedSequence.OneBytePerSegment(bytes))));
        return (T)decoded;
    }

    private static CodecRegistry CreateRegistry()
    {
        var registry = new CodecRegistry();
        DatabaseMessageSerializer.Register(registry);
        NodeCodecs.Register(registry);
        registry.Freeze();
        return registry;
    }
}
