using System.Numerics;
using System.Runtime.Serialization;
using System.Text;

namespace AkkaRpc.Bench.Serialization;

/// <summary>
/// Reads the worker protocol's fields from one message's bytes, refusing what no writer produces: a negative size, a
/// count larger than the bytes left could hold (so a hostile count cannot make the reader allocate beyond its input),
/// a missing string, bytes left over. Every refusal is a <see cref="SerializationException"/> naming the field.
/// </summary>
internal sealed class BenchWireReader : IDisposable
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly MemoryStream _stream;
    private readonly BinaryReader _reader;

    /// <summary>Reads from <paramref name="bytes"/>.</summary>
    public BenchWireReader(byte[] bytes)
    {
        _stream = new MemoryStream(bytes, writable: false);
        _reader = new BinaryReader(_stream, s_strictUtf8);
    }

    private long Remaining => _stream.Length - _stream.Position;

    /// <summary>Reads a 7-bit encoded integer.</summary>
    public int Int32(string field) => Guard(field, () => _reader.Read7BitEncodedInt());

    /// <summary>Reads a 7-bit encoded long.</summary>
    public long Int64(string field) => Guard(field, () => _reader.Read7BitEncodedInt64());

    /// <summary>Reads a double (8 bytes).</summary>
    public double Double(string field) => Guard(field, () => _reader.ReadDouble());

    /// <summary>Reads a length-prefixed UTF-8 string.</summary>
    public string String(string field) => Guard(field, () => _reader.ReadString());

    /// <summary>Reads a 7-bit encoded number that must not be negative.</summary>
    public T NonNegative<T>(T value, string field)
        where T : INumber<T> =>
        T.IsNegative(value) ? throw Malformed(field, $"is negative ({value})") : value;

    /// <summary>Reads a count of items that each take at least <paramref name="minBytesPerItem"/> bytes.</summary>
    public int Count(string field, int minBytesPerItem)
    {
        int count = NonNegative(Int32(field), field);
        return (long)count * minBytesPerItem > Remaining
            ? throw Malformed(field, $"claims {count} items but only {Remaining} bytes are left")
            : count;
    }

    /// <summary>Reads an enum value written as its number, refusing numbers the enum does not define.</summary>
    public TEnum Enum<TEnum>(string field)
        where TEnum : struct, Enum
    {
        int number = Int32(field);
        var value = (TEnum)(object)number;
        return System.Enum.IsDefined(value) ? value : throw Malformed(field, $"is {number}, not a {typeof(TEnum).Name}");
    }

    /// <summary>Throws unless every byte was read: trailing bytes mean writer and reader disagree on the layout.</summary>
    public void End(string message)
    {
        if (Remaining != 0)
        {
            throw new SerializationException($"{message} has {Remaining} bytes after its last field.");
        }
    }

    /// <summary>The error for a field whose value no writer produces.</summary>
    public static SerializationException Malformed(string field, string problem) => new($"{field} {problem}.");

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    private static T Guard<T>(string field, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException or DecoderFallbackException)
        {
            throw new SerializationException($"{field} is truncated or malformed: {e.Message}", e);
        }
    }
}
