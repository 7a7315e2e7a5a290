using System.Buffers;

namespace AkkaRpc.Protocol.Tests;

public sealed class WireReaderMalformedInputTests
{
    /// <summary>One read per primitive, named so a failure says which one.</summary>
    public static TheoryData<string> Primitives => new()
    {
        "byte", "bool", "varuint32", "varint32", "varuint64", "varint64", "double", "string", "bytes", "timespan", "count", "message",
    };

    [Theory]
    [MemberData(nameof(Primitives))]
    public void EveryPrimitive_TruncatedAtEveryLength_ThrowsWireFormatException(string primitive)
    {
        var full = ProtocolWire.Encode(o => Write(new WireWriter(o, ProtocolWire.Refs, ProtocolWire.Registry), primitive));

        for (var length = 0; length < full.Length; length++)
        {
            var truncated = full[..length];
            var error = Assert.Throws<WireFormatException>(() => Read(truncated, primitive));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }

        Read(full, primitive); // the whole encoding reads fine
    }

    [Fact]
    public void VarUInt32_LongerThanFiveBytes_IsOverlong()
    {
        byte[] input = [0x80, 0x80, 0x80, 0x80, 0x80, 0x01];

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(input).ReadVarUInt32());
        Assert.Contains("overlong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VarUInt32_WithBitsBeyond32_Overflows()
    {
        byte[] input = [0xFF, 0xFF, 0xFF, 0xFF, 0x1F];

        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(input).ReadVarUInt32());
    }

    [Fact]
    public void VarUInt64_LongerThanTenBytes_IsOverlong()
    {
        byte[] input = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];

        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(input).ReadVarUInt64());
    }

    [Fact]
    public void VarUInt64_WithBitsBeyond64_Overflows()
    {
        byte[] input = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02];

        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(input).ReadVarUInt64());
    }

    [Fact]
    public void Varint_WithARedundantTrailingZeroByte_IsRejected_SoEachValueHasOneEncoding()
    {
        byte[] input = [0x81, 0x00];

        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(input).ReadVarUInt32());
        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(input).ReadVarUInt64());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0xFF)]
    public void Bool_OtherThanZeroOrOne_IsRejected(byte value)
    {
        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Reader([value]).ReadBool());
        Assert.Contains("bool", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0xFF })] // never valid in UTF-8
    [InlineData(new byte[] { 0x02, 0xC3 })] // truncated two-byte sequence
    [InlineData(new byte[] { 0x03, 0xC0, 0x80 })] // overlong NUL
    [InlineData(new byte[] { 0x04, 0xED, 0xA0, 0x80 })] // encoded surrogate
    public void String_WithInvalidUtf8_IsRejected(byte[] input)
    {
        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(input).ReadString());
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);

        Assert.Throws<WireFormatException>(() => new WireReader(SegmentedSequence.OneBytePerSegment(input)).ReadString());
    }

    [Fact]
    public void HugeClaimedLengths_WithTinyInput_AreRejectedWithoutAllocatingThem()
    {
        // 0xFFFFFFFE claimed bytes (4 GiB) followed by two real ones.
        byte[] huge = [0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2];

        // Warm up, so the measured calls allocate only what they would in steady state.
        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(huge).ReadBytes());
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(huge).ReadBytes());
        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(huge).ReadString());
        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(huge).ReadCount());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Three exceptions with their messages and stack traces, nowhere near a claimed buffer.
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes were allocated");
    }

    [Fact]
    public void Length_OverTheConfiguredMaximum_IsRejectedEvenWhenTheBytesArePresent()
    {
        var bytes = ProtocolWire.Encode(o => new WireWriter(o).WriteBytes(new byte[100]));

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(bytes, maxLength: 99).ReadBytes());
        Assert.Contains("at most 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(100, ProtocolWire.Reader(bytes, maxLength: 100).ReadBytes().Length);
    }

    [Fact]
    public void Count_LargerThanTheRemainingInputCouldHold_IsRejected()
    {
        byte[] input = [0x05, 1, 2, 3, 4, 5];

        Assert.Equal(5, ProtocolWire.Reader(input).ReadCount(minBytesPerItem: 1));
        Assert.Throws<WireFormatException>(() => ProtocolWire.Reader(input).ReadCount(minBytesPerItem: 2));
    }

    [Fact]
    public void Message_WithAnUnknownId_IsRejected()
    {
        byte[] input = [0xE7, 0x07, 0x00]; // id 999, empty payload

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.DecodeMessage(input));
        Assert.Contains("Unknown message id 999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_WithAnIdBeyondInt32_IsRejected()
    {
        byte[] input = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00];

        Assert.Throws<WireFormatException>(() => ProtocolWire.DecodeMessage(input));
    }

    [Fact]
    public void Message_WhosePayloadHasBytesLeftOver_IsRejected()
    {
        byte[] input = [0xD0, 0x01, 0x01, 0x00]; // Ping (208) with a one-byte payload, but Ping has no fields

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.DecodeMessage(input));
        Assert.Contains("left over", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_WhosePayloadIsShorterThanItsFields_IsRejected_AndNamesTheMessage()
    {
        byte[] input = [0xCC, 0x01, 0x00]; // Commit (204) without its transaction id

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.DecodeMessage(input));
        Assert.Contains("Commit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_NestedDeeperThanTheLimit_AreRejected_InsteadOfExhaustingTheStack()
    {
        // Transactional(0, Transactional(0, ...)) built by hand, far deeper than any writer would go.
        var bytes = new byte[] { WireIds.Null };
        for (var i = 0; i < 1_000; i++)
        {
            var payload = new byte[bytes.Length + 1]; // the transaction id 0, then the nested request
            bytes.CopyTo(payload, 1);
            bytes = ProtocolWire.Encode(o =>
            {
                var writer = new WireWriter(o);
                writer.WriteVarUInt32(WireIds.Transactional);
                writer.WriteBytes(payload);
            });
        }

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.DecodeMessage(bytes));
        Assert.Contains("nest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_NestedDeeperThanTheLimit_CannotBeWritten()
    {
        DatabaseRequest message = new Ping();
        for (var i = 0; i < WireReader.MaxNestingDepth; i++)
        {
            message = new Transactional(i, message);
        }

        Assert.Throws<InvalidOperationException>(() => ProtocolWire.EncodeMessage(message));
        Assert.NotNull(ProtocolWire.DecodeMessage(ProtocolWire.EncodeMessage(((Transactional)message).Request)));
    }

    private static void Write(WireWriter writer, string primitive)
    {
        switch (primitive)
        {
            case "byte": writer.WriteByte(7); break;
            case "bool": writer.WriteBool(true); break;
            case "varuint32": writer.WriteVarUInt32(uint.MaxValue); break;
            case "varint32": writer.WriteVarInt32(int.MinValue); break;
            case "varuint64": writer.WriteVarUInt64(ulong.MaxValue); break;
            case "varint64": writer.WriteVarInt64(long.MinValue); break;
            case "double": writer.WriteDouble(Math.PI); break;
            case "string": writer.WriteString("héllo"); break;
            case "bytes": writer.WriteBytes([1, 2, 3]); break;
            case "timespan": writer.WriteTimeSpan(TimeSpan.FromDays(-3)); break;
            case "count": writer.WriteCount(0); break;
            case "message": writer.WriteMessage(new Pong("done")); break;
            default: throw new ArgumentOutOfRangeException(nameof(primitive));
        }
    }

    private static void Read(byte[] input, string primitive)
    {
        var reader = new WireReader(new ReadOnlySequence<byte>(input), ProtocolWire.Refs, registry: ProtocolWire.Registry);
        switch (primitive)
        {
            case "byte": reader.ReadByte(); break;
            case "bool": reader.ReadBool(); break;
            case "varuint32": reader.ReadVarUInt32(); break;
            case "varint32": reader.ReadVarInt32(); break;
            case "varuint64": reader.ReadVarUInt64(); break;
            case "varint64": reader.ReadVarInt64(); break;
            case "double": reader.ReadDouble(); break;
            case "string": reader.ReadString(); break;
            case "bytes": reader.ReadBytes(); break;
            case "timespan": reader.ReadTimeSpan(); break;
            case "message": reader.ReadMessage(); break;
            case "count": reader.ReadCount(); break;
            default: throw new ArgumentOutOfRangeException(nameof(primitive));
        }
    }
}
