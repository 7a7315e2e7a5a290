using System.Buffers;

namespace AkkaRpc.Protocol.Tests;

public sealed class WirePrimitivesTests
{
    public static TheoryData<ulong, byte[]> VarUInt64Encodings => new()
    {
        { 0UL, [0x00] },
        { 1UL, [0x01] },
        { 127UL, [0x7F] },
        { 128UL, [0x80, 0x01] },
        { 300UL, [0xAC, 0x02] },
        { uint.MaxValue, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F] },
        { ulong.MaxValue, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
    };

    [Theory]
    [MemberData(nameof(VarUInt64Encodings))]
    public void VarUInt64_IsLeb128_AndReadsBack(ulong value, byte[] expected)
    {
        var bytes = ProtocolWire.Encode(o => new WireWriter(o).WriteVarUInt64(value));

        Assert.Equal(expected, bytes);
        var reader = ProtocolWire.Reader(bytes);
        Assert.Equal(value, reader.ReadVarUInt64());
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(-1, new byte[] { 0x01 })]
    [InlineData(1, new byte[] { 0x02 })]
    [InlineData(-64, new byte[] { 0x7F })]
    [InlineData(64, new byte[] { 0x80, 0x01 })]
    [InlineData(int.MaxValue, new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0x0F })]
    [InlineData(int.MinValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    public void VarInt32_IsZigzag_SoSmallNegativesStaySmall(int value, byte[] expected)
    {
        var bytes = ProtocolWire.Encode(o => new WireWriter(o).WriteVarInt32(value));

        Assert.Equal(expected, bytes);
        var reader = ProtocolWire.Reader(bytes);
        Assert.Equal(value, reader.ReadVarInt32());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(1L << 35)]
    [InlineData(-(1L << 50))]
    public void VarInt64_RoundTripsEveryRange(long value)
    {
        var bytes = ProtocolWire.Encode(o => new WireWriter(o).WriteVarInt64(value));

        var reader = new WireReader(SegmentedSequence.OneBytePerSegment(bytes));
        Assert.Equal(value, reader.ReadVarInt64());
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData(0x0000000000000000L)]
    [InlineData(unchecked((long)0x8000000000000000UL))] // -0.0
    [InlineData(0x7FF0000000000000L)] // +Inf
    [InlineData(unchecked((long)0xFFF0000000000000UL))] // -Inf
    [InlineData(0x7FF8000000000000L)] // quiet NaN
    [InlineData(0x7FF0000000000001L)] // signalling NaN with a payload
    [InlineData(unchecked((long)0xFFFFFFFFFFFFFFFFUL))] // negative NaN, all payload bits set
    [InlineData(0x0000000000000001L)] // smallest subnormal
    public void Double_RoundTripsBitForBit_IncludingNaNPayloads(long bits)
    {
        var value = BitConverter.Int64BitsToDouble(bits);

        var bytes = ProtocolWire.Encode(o => new WireWriter(o).WriteDouble(value));

        Assert.Equal(BitConverter.GetBytes(bits), bytes); // little-endian on every platform we run on
        var reader = new WireReader(SegmentedSequence.OneBytePerSegment(bytes));
        Assert.Equal(bits, BitConverter.DoubleToInt64Bits(reader.ReadDouble()));
    }

    [Fact]
    public void Double_IsLittleEndian()
    {
        var bytes = ProtocolWire.Encode(o => new WireWriter(o).WriteDouble(1.0));

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0xF0, 0x3F }, bytes);
    }

    [Fact]
    public void String_NullEmptyAndText_HaveDistinctPrefixes()
    {
        Assert.Equal(new byte[] { 0x00 }, ProtocolWire.Encode(o => new WireWriter(o).WriteString(null)));
        Assert.Equal(new byte[] { 0x01 }, ProtocolWire.Encode(o => new WireWriter(o).WriteString(string.Empty)));
        Assert.Equal(new byte[] { 0x03, (byte)'h', (byte)'i' }, ProtocolWire.Encode(o => new WireWriter(o).WriteString("hi")));
        Assert.Equal(new byte[] { 0x03, 0xC3, 0xA9 }, ProtocolWire.Encode(o => new WireWriter(o).WriteString("é")));
    }

    public static TheoryData<string?> Strings => new()
    {
        null,
        string.Empty,
        "a",
        "with\0embedded\0NULs",
        "naïve café — 日本語 — 🦀🚀",
        new string('x', 42),
        new string('é', 42),
        new string('日', 43),
        new string('y', 5_000),
        string.Concat(Enumerable.Repeat("🦀abc日本", 10_000)),
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_RoundTripsExactly_FromOneSegmentAndFromManySegments(string? value)
    {
        var bytes = ProtocolWire.Encode(o => new WireWriter(o).WriteString(value));

        var contiguous = ProtocolWire.Reader(bytes);
        Assert.Equal(value, contiguous.ReadString());
        Assert.True(contiguous.End);

        var segmented = new WireReader(SegmentedSequence.OneBytePerSegment(bytes));
        Assert.Equal(value, segmented.ReadString());
        Assert.True(segmented.End);
    }

    [Fact]
    public void String_WithALoneSurrogate_IsWrittenAsReplacementCharacter()
    {
        var bytes = ProtocolWire.Encode(o => new WireWriter(o).WriteString("a\uD800b"));

        var reader = ProtocolWire.Reader(bytes);
        Assert.Equal("a\uFFFDb", reader.ReadString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(100_000)]
    public void Bytes_RoundTripWithLengthPrefix(int length)
    {
        var value = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();

        var bytes = ProtocolWire.Encode(o => new WireWriter(o).WriteBytes(value));

        var reader = new WireReader(SegmentedSequence.OneBytePerSegment(bytes));
        Assert.Equal(value, reader.ReadBytes());
        Assert.True(reader.End);
    }

    [Fact]
    public void BoolAndByteAndTimeSpan_RoundTrip()
    {
        var span = TimeSpan.FromMilliseconds(-1234.5678);
        var bytes = ProtocolWire.Encode(o =>
        {
            var writer = new WireWriter(o);
            writer.WriteBool(true);
            writer.WriteBool(false);
            writer.WriteByte(0xAB);
            writer.WriteTimeSpan(span);
            writer.WriteTimeSpan(TimeSpan.MaxValue);
            writer.WriteTimeSpan(TimeSpan.MinValue);
            writer.WriteCount(0);
        });

        var reader = ProtocolWire.Reader(bytes);
        Assert.True(reader.ReadBool());
        Assert.False(reader.ReadBool());
        Assert.Equal(0xAB, reader.ReadByte());
        Assert.Equal(span, reader.ReadTimeSpan());
        Assert.Equal(TimeSpan.MaxValue, reader.ReadTimeSpan());
        Assert.Equal(TimeSpan.MinValue, reader.ReadTimeSpan());
        Assert.Equal(0, reader.ReadCount());
        Assert.True(reader.End);
        Assert.Equal(bytes.Length, reader.Consumed);
    }

    [Fact]
    public void Writer_CommitsEveryPrimitiveImmediately_SoNothingNeedsFlushing()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);

        writer.WriteVarUInt32(300);

        Assert.Equal(2, output.WrittenCount);
    }

    [Fact]
    public void ActorRef_WithoutACodec_IsAClearMisuseError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProtocolWire.Encode(o => new WireWriter(o).WriteActorRef(null)));
        Assert.Contains("IActorRefCodec", error.Message, StringComparison.Ordinal);

        var readError = Assert.Throws<InvalidOperationException>(() => new WireReader(new ReadOnlySequence<byte>([0])).ReadActorRef());
        Assert.Contains("IActorRefCodec", readError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorRef_IsWrittenAsItsPath_AndResolvesToTheSameActor()
    {
        var target = ProtocolWire.Owner;

        var bytes = ProtocolWire.Encode(o =>
        {
            var writer = new WireWriter(o, ProtocolWire.Refs);
            writer.WriteActorRef(target);
            writer.WriteActorRef(null);
        });

        var reader = ProtocolWire.Reader(bytes);
        Assert.Same(target, reader.ReadActorRef());
        Assert.Null(reader.ReadActorRef());
        Assert.True(reader.End);
    }
}
