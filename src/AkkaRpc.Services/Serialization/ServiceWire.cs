using AkkaRpc.Protocol.Serialization;

namespace AkkaRpc.Services.Serialization;

/// <summary>Writes and reads the parts every service message shares; the generated serializers call it.</summary>
public static class ServiceWire
{
    /// <summary>Writes <paramref name="request"/>'s header.</summary>
    public static void WriteHeader(ref WireWriter writer, ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Header;
        writer.WriteActorRef(header.Caller);
        writer.WriteVarInt64(header.CallId);
        writer.WriteVarInt64(header.SessionId);
        writer.WriteTimeSpan(header.TimeLimit);
        writer.WriteBool(header.OneWay);
    }

    /// <summary>Reads a header written by <see cref="WriteHeader"/>.</summary>
    /// <exception cref="WireFormatException">The input is not a valid header.</exception>
    public static CallHeader ReadHeader(ref WireReader reader) =>
        new(reader.ReadActorRef(), reader.ReadVarInt64(), reader.ReadVarInt64(), reader.ReadTimeSpan(), reader.ReadBool());

    /// <summary>Gives a request just read its header, and returns it.</summary>
    public static T Attach<T>(T request, CallHeader header)
        where T : ServiceRequest
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Header = header;
        return request;
    }

    /// <summary>Reads a string that must not be null.</summary>
    /// <exception cref="WireFormatException">It is null.</exception>
    public static string ReadRequiredString(ref WireReader reader) =>
        reader.ReadString() ?? throw new WireFormatException("A required string is null.");


    /// <summary>Writes a decimal as its four 32-bit parts.</summary>
    public static void WriteDecimal(ref WireWriter writer, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var part in bits)
        {
            writer.WriteVarInt32(part);
        }
    }

    /// <summary>Reads a decimal written by <see cref="WriteDecimal"/>.</summary>
    /// <exception cref="WireFormatException">The parts do not make a decimal.</exception>
    public static decimal ReadDecimal(ref WireReader reader)
    {
        Span<int> bits = [reader.ReadVarInt32(), reader.ReadVarInt32(), reader.ReadVarInt32(), reader.ReadVarInt32()];
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException e)
        {
            throw new WireFormatException("Not a decimal: " + e.Message);
        }
    }

    /// <summary>Writes a Guid as its 16 bytes.</summary>
    public static void WriteGuid(ref WireWriter writer, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        writer.WriteBytes(bytes);
    }

    /// <summary>Reads a Guid written by <see cref="WriteGuid"/>.</summary>
    /// <exception cref="WireFormatException">It is not 16 bytes.</exception>
    public static Guid ReadGuid(ref WireReader reader)
    {
        var bytes = reader.ReadBytes();
        return bytes.Length == 16 ? new Guid(bytes) : throw new WireFormatException($"A Guid has 16 bytes, not {bytes.Length}.");
    }

    /// <summary>Writes a DateTime as its ticks and kind.</summary>
    public static void WriteDateTime(ref WireWriter writer, DateTime value)
    {
        writer.WriteVarInt64(value.Ticks);
        writer.WriteByte((byte)value.Kind);
    }

    /// <summary>Reads a DateTime written by <see cref="WriteDateTime"/>.</summary>
    /// <exception cref="WireFormatException">The ticks or kind are out of range.</exception>
    public static DateTime ReadDateTime(ref WireReader reader)
    {
        var ticks = reader.ReadVarInt64();
        var kind = reader.ReadByte();
        return ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks && kind <= (byte)DateTimeKind.Local
            ? new DateTime(ticks, (DateTimeKind)kind)
            : throw new WireFormatException($"Not a DateTime: ticks {ticks}, kind {kind}.");
    }

    /// <summary>Writes a DateTimeOffset as its ticks and offset.</summary>
    public static void WriteDateTimeOffset(ref WireWriter writer, DateTimeOffset value)
    {
        writer.WriteVarInt64(value.Ticks);
        writer.WriteVarInt64(value.Offset.Ticks);
    }

    /// <summary>Reads a DateTimeOffset written by <see cref="WriteDateTimeOffset"/>.</summary>
    /// <exception cref="WireFormatException">The ticks or offset are out of range.</exception>
    public static DateTimeOffset ReadDateTimeOffset(ref WireReader reader)
    {
        var ticks = reader.ReadVarInt64();
        var offset = reader.ReadVarInt64();
        try
        {
            return new DateTimeOffset(ticks, new TimeSpan(offset));
        }
        catch (ArgumentException e)
        {
            throw new WireFormatException("Not a DateTimeOffset: " + e.Message);
        }
    }

    /// <summary>Reads a count of items for a list or array.</summary>
    public static int ReadCount(ref WireReader reader) => reader.ReadCount();
}
