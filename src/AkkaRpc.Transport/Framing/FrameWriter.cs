using System.Buffers;
using System.Buffers.Binary;

namespace AkkaRpc.Transport.Framing;

/// <summary>Writes frames into a buffer writer (a connection's output pipe).</summary>
internal static class FrameWriter
{
    /// <summary>Writes one frame and returns the bytes written, header included.</summary>
    public static int Write(IBufferWriter<byte> writer, FrameType type, ReadOnlySpan<byte> payload)
    {
        int total = FrameLayout.HeaderSize + payload.Length;
        Span<byte> span = writer.GetSpan(total);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)payload.Length);
        span[4] = (byte)type;
        payload.CopyTo(span[FrameLayout.HeaderSize..]);
        writer.Advance(total);
        return total;
    }
}
