namespace AkkaRpc.Transport.Framing;

/// <summary>
/// A frame is <c>[u32 LE payload length][u8 frame type][payload]</c>; the length excludes the 5-byte header.
/// There is no chunking: every frame after the handshake is exactly one Akka.Remote PDU, and Akka.Remote never
/// hands the transport a PDU over <c>MaximumPayloadBytes</c>, which is the frame limit.
/// </summary>
internal static class FrameLayout
{
    /// <summary>Bytes in a frame header: 4 for the length, 1 for the type.</summary>
    public const int HeaderSize = 5;

    /// <summary>The frame limit before the peer is authenticated: enough for any handshake frame, nothing more.</summary>
    public const int HandshakeMaxFrameSize = 1024;

    /// <summary>Returns whether a byte is a frame type this version knows.</summary>
    public static bool IsKnown(byte type) => type is >= (byte)FrameType.Hello and <= (byte)FrameType.Refused or (byte)FrameType.Pdu;
}
