namespace AkkaRpc.Remote.Framing;

/// <summary>
/// Sizes of the frame layout.
/// A frame is <c>[u32 LE payload length][u8 frame type][payload]</c>; the length excludes the 5-byte header.
/// A chunk payload is <c>[u32 LE stream id][u32 LE sequence][u32 LE total message length][data]</c>;
/// the message is complete when the data received for a stream adds up to its total length.
/// </summary>
internal static class FrameLayout
{
    /// <summary>Bytes in a frame header: 4 for the length, 1 for the type.</summary>
    public const int HeaderSize = 5;

    /// <summary>Bytes in the chunk header at the start of a chunk payload.</summary>
    public const int ChunkHeaderSize = 12;

    /// <summary>The smallest allowed frame limit: big enough for any handshake frame and a useful chunk.</summary>
    public const int MinMaxFrameSize = 1024;

    /// <summary>The frame limit during the handshake, before the peer is authenticated.</summary>
    public const int HandshakeMaxFrameSize = 1024;

    /// <summary>Returns whether a byte is a frame type this version knows.</summary>
    public static bool IsKnown(byte type) => type is >= (byte)FrameType.Hello and <= (byte)FrameType.Refused
        or (byte)FrameType.Message or (byte)FrameType.Chunk;
}
