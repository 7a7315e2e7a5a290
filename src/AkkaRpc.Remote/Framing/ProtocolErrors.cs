namespace AkkaRpc.Remote.Framing;

/// <summary>Builds the protocol exceptions, so every reason a peer is dropped reads the same way.</summary>
internal static class ProtocolErrors
{
    public static RemoteTransportException FrameTooLarge(long length, long max) =>
        new(TransportFailureKind.FrameTooLarge, $"frame of {length} bytes exceeds the maximum {max}");

    public static RemoteTransportException UnknownFrameType(byte type, uint length) =>
        new(TransportFailureKind.ProtocolViolation, $"unknown frame type 0x{type:X2} (header claims {length} bytes); the peer does not speak the AkkaRpc protocol");

    public static RemoteTransportException Violation(string message) =>
        new(TransportFailureKind.ProtocolViolation, message);

    public static RemoteTransportException Truncated(long bufferedBytes) =>
        new(TransportFailureKind.ProtocolViolation, $"the peer closed its side in the middle of a frame ({bufferedBytes} bytes of an incomplete frame were buffered)");
}
