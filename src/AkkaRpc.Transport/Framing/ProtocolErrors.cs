using AkkaRpc.Transport.Connections;

namespace AkkaRpc.Transport.Framing;

/// <summary>Builds the protocol exceptions, so every reason a peer is dropped reads the same way.</summary>
internal static class ProtocolErrors
{
    public static ConnectionException FrameTooLarge(long length, long max) =>
        new(FailureKind.FrameTooLarge, $"frame of {length} bytes exceeds the maximum {max}");

    public static ConnectionException UnknownFrameType(byte type, uint length) =>
        new(FailureKind.ProtocolViolation, $"unknown frame type 0x{type:X2} (header claims {length} bytes); the peer does not speak the AkkaRpc protocol");

    public static ConnectionException Violation(string message) =>
        new(FailureKind.ProtocolViolation, message);

    public static ConnectionException Truncated(long bufferedBytes) =>
        new(FailureKind.ProtocolViolation, $"the peer closed its side in the middle of a frame ({bufferedBytes} bytes of an incomplete frame were buffered)");
}
