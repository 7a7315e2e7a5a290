namespace AkkaRpc.Remote.Serialization;

/// <summary>A <see cref="string"/> sent as a message.</summary>
internal sealed class StringCodec : MessageCodec<string>
{
    public override void Write(ref WireWriter writer, string message) => writer.WriteString(message);

    public override string Read(ref WireReader reader) =>
        reader.ReadString() ?? throw new WireFormatException("Invalid string message: it is null.");
}

/// <summary>An <see cref="int"/> sent as a message.</summary>
internal sealed class Int32Codec : MessageCodec<int>
{
    public override void Write(ref WireWriter writer, int message) => writer.WriteVarInt32(message);

    public override int Read(ref WireReader reader) => reader.ReadVarInt32();
}

/// <summary>A <see cref="long"/> sent as a message.</summary>
internal sealed class Int64Codec : MessageCodec<long>
{
    public override void Write(ref WireWriter writer, long message) => writer.WriteVarInt64(message);

    public override long Read(ref WireReader reader) => reader.ReadVarInt64();
}

/// <summary>A <see cref="double"/> sent as a message, bit for bit.</summary>
internal sealed class DoubleCodec : MessageCodec<double>
{
    public override void Write(ref WireWriter writer, double message) => writer.WriteDouble(message);

    public override double Read(ref WireReader reader) => reader.ReadDouble();
}

/// <summary>A <see cref="bool"/> sent as a message.</summary>
internal sealed class BooleanCodec : MessageCodec<bool>
{
    public override void Write(ref WireWriter writer, bool message) => writer.WriteBool(message);

    public override bool Read(ref WireReader reader) => reader.ReadBool();
}

/// <summary>A <see cref="byte"/> array sent as a message.</summary>
internal sealed class BytesCodec : MessageCodec<byte[]>
{
    public override void Write(ref WireWriter writer, byte[] message) => writer.WriteBytes(message);

    public override byte[] Read(ref WireReader reader) => reader.ReadBytes();
}
