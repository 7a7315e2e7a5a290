using System.Buffers;
using System.Buffers.Binary;

namespace AkkaRpc.Remote.Framing;

/// <summary>Writes frames into a buffer writer (usually a connection's output pipe).</summary>
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

    /// <summary>
    /// Writes <paramref name="message"/> as a stream of chunk frames whose payloads are at most
    /// <paramref name="maxPayloadSize"/>, and returns the bytes written.
    /// </summary>
    public static long WriteChunked(IBufferWriter<byte> writer, uint streamId, ReadOnlySpan<byte> message, int maxPayloadSize)
    {
        int dataPerChunk = maxPayloadSize - FrameLayout.ChunkHeaderSize;
        long written = 0;
        uint sequence = 0;
        for (int offset = 0; offset < message.Length; offset += dataPerChunk, sequence++)
        {
            ReadOnlySpan<byte> data = message.Slice(offset, Math.Min(dataPerChunk, message.Length - offset));
            int payloadLength = FrameLayout.ChunkHeaderSize + data.Length;
            int total = FrameLayout.HeaderSize + payloadLength;
            Span<byte> span = writer.GetSpan(total);
            BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)payloadLength);
            span[4] = (byte)FrameType.Chunk;
            BinaryPrimitives.WriteUInt32LittleEndian(span[5..], streamId);
            BinaryPrimitives.WriteUInt32LittleEndian(span[9..], sequence);
            BinaryPrimitives.WriteUInt32LittleEndian(span[13..], (uint)message.Length);
            data.CopyTo(span[(FrameLayout.HeaderSize + FrameLayout.ChunkHeaderSize)..]);
            writer.Advance(total);
            written += total;
        }

        return written;
    }
}
