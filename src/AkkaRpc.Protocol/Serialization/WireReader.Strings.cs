using System.Buffers;
using System.Text;

namespace AkkaRpc.Protocol.Serialization;

public ref partial struct WireReader
{
    // Strict, so invalid UTF-8 is an error rather than silently becoming U+FFFD.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a string written by <see cref="WireWriter.WriteString"/>; null if null was written.</summary>
    public string? ReadString()
    {
        var prefix = ReadVarUInt32();
        if (prefix == 0)
        {
            return null;
        }

        var length = CheckLength(prefix - 1, "string");
        if (length == 0)
        {
            return string.Empty;
        }

        var unread = _reader.UnreadSpan;
        string value;
        if (unread.Length >= length)
        {
            value = Decode(unread[..length]);
        }
        else
        {
            // The string spans segments: gather it first.
            var rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                _reader.TryCopyTo(rented.AsSpan(0, length));
                value = Decode(rented.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        _reader.Advance(length);
        return value;
    }

    /// <summary>Reads a byte string written by <see cref="WireWriter.WriteBytes"/> into a new array.</summary>
    public byte[] ReadBytes()
    {
        var length = CheckLength(ReadVarUInt32(), "byte string");
        if (length == 0)
        {
            return [];
        }

        var value = GC.AllocateUninitializedArray<byte>(length);
        _reader.TryCopyTo(value);
        _reader.Advance(length);
        return value;
    }

    private readonly int CheckLength(uint length, string what)
    {
        if (length > (uint)_maxLength || length > _reader.Remaining)
        {
            WireErrors.LengthTooLarge(what, length, _reader.Remaining, _maxLength);
        }

        return (int)length;
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            WireErrors.InvalidUtf8();
            return null;
        }
    }
}
