using System.Buffers;

namespace AkkaRpc.Protocol.Tests;

public sealed class ParameterCountTests
{
    [Fact]
    public void AStatementWithSqlitesMostParameters_RoundTrips()
    {
        var values = Enumerable.Repeat(SqlValue.Null, SqlParameters.MaxCount).ToArray();
        var execute = new Execute("select 1", SqlParameters.Positional(values));
        var decoded = Assert.IsType<Execute>(ProtocolWire.Decode(ProtocolWire.Encode(execute)));
        Assert.Equal(SqlParameters.MaxCount, decoded.Parameters.Values.Count);
    }

    [Theory]
    [InlineData(SqlParameters.MaxCount + 1)]
    [InlineData(15_000_000)]
    public void MorePositionalParametersThanSqliteTakes_AreRefused_BeforeTheyAreAllocated(int count)
    {
        // As sent by a hostile client: every value a one-byte NULL, so 15 M of them fit in one 16 MiB frame.
        var frame = HandWritten(WireIds.Execute, form: 0, count, bytesPerValue: 1);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(frame));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Contains($"{count} values, over the limit of {SqlParameters.MaxCount}", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64 * 1024, $"decoding allocated {allocated:N0} bytes before refusing");
    }

    [Fact]
    public void MoreNamedParametersThanSqliteTakes_AreRefused()
    {
        var frame = HandWritten(WireIds.Query, form: 1, SqlParameters.MaxCount + 1, bytesPerValue: 3);
        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(frame));
        Assert.Contains("over the limit", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A request's id, its SQL text, the parameters' form and count, then <paramref name="count"/> values' worth of NULL tags.</summary>
    private static byte[] HandWritten(int id, byte form, int count, int bytesPerValue)
    {
        var payload = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(payload, ProtocolWire.Refs, ProtocolWire.Registry);
        writer.WriteString("select 1");
        writer.WriteByte(form);
        writer.WriteCount(count);
        var values = new byte[(long)count * bytesPerValue];
        Array.Fill(values, (byte)SqlValueKind.Null);
        payload.Write(values);

        // The message: its id, then its payload with the payload's length.
        var frame = new ArrayBufferWriter<byte>();
        var framing = new WireWriter(frame);
        framing.WriteVarUInt32((uint)id);
        framing.WriteBytes(payload.WrittenSpan);
        return frame.WrittenSpan.ToArray();
    }
}
