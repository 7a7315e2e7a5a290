using System.Buffers;
using AkkaRpc.Remote.Serialization;
using AkkaRpc.Sqlite.Wire;

namespace AkkaRpc.Sqlite.Tests.Wire;

/// <summary>Encodes and decodes database messages through a registry set up as a node sets it up.</summary>
internal static class SqliteWire
{
    public static readonly PathActorRefCodec Refs = new();

    public static CodecRegistry Registry { get; } = CreateRegistry();

    public static byte[] Encode(object? message)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output, Refs, Registry);
        writer.WriteMessage(message);
        return output.WrittenSpan.ToArray();
    }

    public static object? Decode(byte[] bytes) => Decode(new ReadOnlySequence<byte>(bytes));

    public static object? Decode(ReadOnlySequence<byte> bytes)
    {
        var reader = new WireReader(bytes, Refs, registry: Registry);
        return reader.ReadMessageToEnd();
    }

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
        var registry = CodecRegistry.CreateDefault();
        SqliteCodecs.Register(registry);
        registry.Freeze();
        return registry;
    }
}
