using System.Buffers;
using System.Buffers.Binary;
using AkkaRpc.Transport.Connections;

namespace AkkaRpc.Transport.Framing;

/// <summary>Parses frames out of received bytes without copying them.</summary>
internal static class FrameReader
{
    /// <summary>
    /// Reads one frame from the start of <paramref name="buffer"/> and slices it off.
    /// Returns false when the buffer holds only part of a frame.
    /// </summary>
    /// <exception cref="ConnectionException">The header names an unknown type or a length over <paramref name="maxPayloadSize"/>.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxPayloadSize, out FrameType type, out ReadOnlySequence<byte> payload) =>
        TryRead(ref buffer, maxPayloadSize, out type, out payload, out _);

    /// <summary>
    /// As <see cref="TryRead(ref ReadOnlySequence{byte}, int, out FrameType, out ReadOnlySequence{byte})"/>; when the
    /// header is there, <paramref name="declaredLength"/> is the whole frame's length (header included), else 0.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxPayloadSize, out FrameType type, out ReadOnlySequence<byte> payload, out long declaredLength)
    {
        type = default;
        payload = default;
        declaredLength = 0;
        if (buffer.Length < FrameLayout.HeaderSize)
        {
            return false;
        }

        uint length;
        byte rawType;
        ReadOnlySpan<byte> first = buffer.FirstSpan;
        if (first.Length >= FrameLayout.HeaderSize)
        {
            length = BinaryPrimitives.ReadUInt32LittleEndian(first);
            rawType = first[4];
        }
        else
        {
            Span<byte> header = stackalloc byte[FrameLayout.HeaderSize];
            buffer.Slice(0, FrameLayout.HeaderSize).CopyTo(header);
            length = BinaryPrimitives.ReadUInt32LittleEndian(header);
            rawType = header[4];
        }

        // Both checks come before waiting for the payload, so a header claiming 4 GiB costs nothing.
        if (!FrameLayout.IsKnown(rawType))
        {
            throw ProtocolErrors.UnknownFrameType(rawType, length);
        }

        if (length > (uint)maxPayloadSize)
        {
            throw ProtocolErrors.FrameTooLarge(length, maxPayloadSize);
        }

        long frameLength = FrameLayout.HeaderSize + (long)length;
        declaredLength = frameLength;
        if (buffer.Length < frameLength)
        {
            return false;
        }

        type = (FrameType)rawType;
        payload = buffer.Slice(FrameLayout.HeaderSize, length);
        buffer = buffer.Slice(frameLength);
        return true;
    }
}
