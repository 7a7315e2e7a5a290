using System.Buffers;
using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Remote.Tests.Serialization;

/// <summary>Encodes and decodes through the real writer and reader, the way a connection does.</summary>
internal static class Wire
{
    public static readonly PathActorRefCodec Refs = new();

    public static CodecRegistry Kernel { get; } = CreateFrozenKernel();

    /// <summary>Runs <paramref name="write"/> against a fresh buffer (a ref struct writer cannot be captured, so the lambda makes its own).</summary>
    public static byte[] Encode(Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] EncodeMessage(object? message, CodecRegistry? registry = null)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output, Refs, registry ?? Kernel);
        writer.WriteMessage(message);
        return output.WrittenSpan.ToArray();
    }

    public static object? DecodeMessage(byte[] bytes, CodecRegistry? registry = null, bool segmented = false)
    {
        var reader = new WireReader(segmented ? SegmentedSequence.OneBytePerSegment(bytes) : new ReadOnlySequence<byte>(bytes), Refs, registry: registry ?? Kernel);
        return reader.ReadMessageToEnd();
    }

    public static WireReader Reader(byte[] bytes, int maxLength = WireReader.DefaultMaxStringOrBytesLength) =>
        new(new ReadOnlySequence<byte>(bytes), Refs, maxLength, Kernel);

    private static CodecRegistry CreateFrozenKernel()
    {
        var registry = CodecRegistry.CreateDefault();
        registry.Freeze();
        return registry;
    }
}
