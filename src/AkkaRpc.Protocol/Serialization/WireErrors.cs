using System.Diagnostics.CodeAnalysis;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>Builds and throws the serialization exceptions, so hot paths stay small and every message reads the same way.</summary>
internal static class WireErrors
{
    [DoesNotReturn]
    public static void Truncated(string what, long needed, long remaining) =>
        throw new WireFormatException($"Truncated input while reading {what}: {needed} bytes needed, {remaining} remaining.");

    [DoesNotReturn]
    public static void Overlong(string what) =>
        throw new WireFormatException($"Invalid {what}: the varint is overlong or overflows its type.");

    [DoesNotReturn]
    public static void LengthTooLarge(string what, ulong length, long remaining, int max) =>
        throw new WireFormatException(
            $"Invalid {what}: it claims {length} bytes, but only {remaining} remain and at most {max} are allowed.");

    [DoesNotReturn]
    public static void CountTooLarge(string what, ulong count, long remaining) =>
        throw new WireFormatException($"Invalid {what}: it claims {count} items, more than the {remaining} bytes remaining could hold.");

    [DoesNotReturn]
    public static void InvalidUtf8() =>
        throw new WireFormatException("Invalid string: the bytes are not valid UTF-8.");

    [DoesNotReturn]
    public static void InvalidBool(byte value) =>
        throw new WireFormatException($"Invalid bool: byte 0x{value:X2} is neither 0 nor 1.");

    [DoesNotReturn]
    public static void Invalid(string message) => throw new WireFormatException(message);

    [DoesNotReturn]
    public static void NoActorRefCodec() =>
        throw new InvalidOperationException(
            "This message contains an actor reference, but the WireWriter/WireReader was made without an IActorRefCodec; pass the connection's codec to its constructor.");

    [DoesNotReturn]
    public static void NoRegistry() =>
        throw new InvalidOperationException(
            "This message contains a nested message, but the WireWriter/WireReader was made without a CodecRegistry; pass one to its constructor.");

    [DoesNotReturn]
    public static void NoCodecFor(Type type) =>
        throw new InvalidOperationException(
            $"No codec is registered for {type.FullName}; register a MessageCodec for it in the CodecRegistry (ids 1000 and up are for applications).");

    [DoesNotReturn]
    public static void WriteTooDeep(int maxDepth) =>
        throw new InvalidOperationException($"The message nests more than {maxDepth} messages deep, which no reader would accept.");
}
