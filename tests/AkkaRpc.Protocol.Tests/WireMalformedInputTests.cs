using System.Buffers;

namespace AkkaRpc.Protocol.Tests;

public sealed class WireMalformedInputTests
{
    [Fact]
    public void RepeatedParameterNames_AreRejected_AsBadInput()
    {
        var bytes = Payload(WireIds.Query, w =>
        {
            w.WriteString("select $a");
            w.WriteByte(1); // named
            w.WriteCount(2);
            w.WriteString("a");
            w.WriteByte((byte)SqlValueKind.Null);
            w.WriteString("a");
            w.WriteByte((byte)SqlValueKind.Null);
        });

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
        Assert.Contains("SqlParameters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownParameterForm_IsRejected()
    {
        var bytes = Payload(WireIds.Query, w =>
        {
            w.WriteString("select 1");
            w.WriteByte(2);
            w.WriteCount(0);
        });

        Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
    }

    [Fact]
    public void ANullSqlText_IsRejected()
    {
        var bytes = Payload(WireIds.Execute, w =>
        {
            w.WriteString(null);
            w.WriteByte(0);
            w.WriteCount(0);
        });

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
        Assert.Contains("Execute.Sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsWithoutColumns_AreRejected_BecauseTheirCountCouldNotBeBounded()
    {
        var bytes = Payload(WireIds.QueryResult, w =>
        {
            w.WriteCount(0); // columns
            w.WriteCount(1); // a row, which would take no bytes
            w.WriteBool(false);
        });

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
        Assert.Contains("no columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeRowCount_WithLittleInput_IsRejectedBeforeAllocatingRows()
    {
        var bytes = Payload(WireIds.QueryResult, w =>
        {
            w.WriteCount(1);
            w.WriteString("c");
            w.WriteString(null);
            w.WriteVarUInt32(int.MaxValue);
            w.WriteByte((byte)SqlValueKind.Null);
        });

        ProtocolWire.Decode(Payload(WireIds.Ping, _ => { })); // warm up the decoder
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024);
    }

    [Fact]
    public void BatchFailed_WhoseErrorIsNotADatabaseError_IsRejected()
    {
        var bytes = Payload(WireIds.BatchFailed, w =>
        {
            w.WriteVarInt32(0);
            w.WriteMessage(new Ping());
        });

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
        Assert.Contains("DatabaseError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transactional_WhoseRequestIsMissingOrNotARequest_IsRejected()
    {
        var withNull = Payload(WireIds.Transactional, w =>
        {
            w.WriteVarInt64(1);
            w.WriteMessage(null);
        });
        var withReply = Payload(WireIds.Transactional, w =>
        {
            w.WriteVarInt64(1);
            w.WriteMessage(new Pong("x"));
        });

        Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(withNull));
        Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(withReply));
    }

    [Fact]
    public void Resolved_WithoutAnOwner_IsRejected()
    {
        var bytes = Payload(WireIds.Resolved, w =>
        {
            w.WriteString("orders");
            w.WriteActorRef(null);
        });

        Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(6u)]
    [InlineData(1000u)]
    public void UnknownLimitKinds_AreRejected(uint kind)
    {
        var bytes = Payload(WireIds.LimitExceeded, w =>
        {
            w.WriteVarUInt32(kind);
            w.WriteVarInt64(1);
            w.WriteVarInt64(2);
        });

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
        Assert.Contains("LimitKind", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(12u)]
    public void UnknownRefusalReasons_AreRejected(uint reason)
    {
        var bytes = Payload(WireIds.StatementRefused, w =>
        {
            w.WriteVarUInt32(reason);
            w.WriteString("x");
        });

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
        Assert.Contains("RefusalReason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMessage_TruncatedAnywhere_IsRejected()
    {
        foreach (var message in SampleMessages.All())
        {
            var bytes = ProtocolWire.Encode(message);
            for (var length = 0; length < bytes.Length; length++)
            {
                Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes[..length]));
            }
        }
    }

    /// <summary>Builds a message by hand: its id, then a payload written by <paramref name="write"/>.</summary>
    private static byte[] Payload(int id, Action<WireWriterHolder> write)
    {
        var payload = new ArrayBufferWriter<byte>();
        write(new WireWriterHolder(payload));
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteVarUInt32((uint)id);
        writer.WriteBytes(payload.WrittenSpan);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Forwards to a fresh <see cref="WireWriter"/> per call; a ref struct cannot be captured by a lambda.</summary>
    private sealed class WireWriterHolder(IBufferWriter<byte> output)
    {
        private WireWriter Writer => new(output, ProtocolWire.Refs, ProtocolWire.Registry);

        public void WriteByte(byte value) => Writer.WriteByte(value);

        public void WriteBool(bool value) => Writer.WriteBool(value);

        public void WriteCount(int value) => Writer.WriteCount(value);

        public void WriteVarUInt32(uint value) => Writer.WriteVarUInt32(value);

        public void WriteVarInt32(int value) => Writer.WriteVarInt32(value);

        public void WriteVarInt64(long value) => Writer.WriteVarInt64(value);

        public void WriteString(string? value) => Writer.WriteString(value);

        public void WriteMessage(object? value) => Writer.WriteMessage(value);

        public void WriteActorRef(Akka.Actor.IActorRef? value)
        {
            var writer = Writer;
            writer.WriteActorRef(value);
        }
    }
}
