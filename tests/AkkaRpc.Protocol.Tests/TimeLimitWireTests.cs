using System.Buffers;

namespace AkkaRpc.Protocol.Tests;

public sealed class TimeLimitWireTests
{
    [Fact]
    public void ARequestWithoutATimeLimit_IsWrittenAsBefore_AndOneWithALimit_AddsOnlyItsTicks()
    {
        var without = ProtocolWire.Encode(new Query("select ?1", SqlParameters.Positional(7)));
        var with = ProtocolWire.Encode(new Query("select ?1", SqlParameters.Positional(7)) { TimeLimit = TimeSpan.FromTicks(1) });

        // The payload grows by zigzag(1) = 2 in one byte, and its length prefix by one.
        Assert.Equal(without.Length + 1, with.Length);
        Assert.Equal(without[3..], with[3..^1]);
        Assert.Equal(0x02, with[^1]);
        Assert.Null(ProtocolWire.RoundTrip(new Execute("delete from t")).TimeLimit);
        Assert.Equal(TimeSpan.FromSeconds(3), ProtocolWire.RoundTrip(new Batch([new Statement("select 1")]) { TimeLimit = TimeSpan.FromSeconds(3) }).TimeLimit);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void ATimeLimitThatIsNotPositive_IsRejectedAsBadInput(long ticks)
    {
        var output = new ArrayBufferWriter<byte>();
        var payload = new ArrayBufferWriter<byte>();
        var inner = new WireWriter(payload, ProtocolWire.Refs, ProtocolWire.Registry);
        inner.WriteString("select 1");
        inner.WriteByte(0); // positional
        inner.WriteCount(0);
        inner.WriteVarInt64(ticks);
        var writer = new WireWriter(output);
        writer.WriteVarUInt32(WireIds.Query);
        writer.WriteBytes(payload.WrittenSpan);

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(output.WrittenSpan.ToArray()));
        Assert.Contains("time limit", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Query("select 1") { TimeLimit = TimeSpan.FromTicks(ticks) });
    }
}
