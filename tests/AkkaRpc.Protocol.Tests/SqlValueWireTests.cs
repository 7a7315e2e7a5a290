
namespace AkkaRpc.Protocol.Tests;

public sealed class SqlValueWireTests
{
    public static TheoryData<int> EdgeValueIndexes => new(Enumerable.Range(0, SampleMessages.EdgeValues.Length));

    [Theory]
    [MemberData(nameof(EdgeValueIndexes))]
    public void EveryEdgeValue_RoundTripsExactly_AsAParameterAndAsAResultValue(int index)
    {
        var value = SampleMessages.EdgeValues[index];

        var parameter = ProtocolWire.RoundTrip(new Query("select ?1", SqlParameters.Positional(value))).Parameters.Values[0];
        var cell = ProtocolWire.RoundTrip(SampleMessages.QueryResultOf([[value]], null)).Rows[0][0];

        AssertIdentical(value, parameter);
        AssertIdentical(value, cell);
    }

    [Fact]
    public void EmptyBlob_StaysABlob_AndEmptyText_StaysText_NeitherBecomesNull()
    {
        var row = ProtocolWire.RoundTrip(SampleMessages.QueryResultOf([[SqlValue.FromBlob([]), SqlValue.FromText(string.Empty), SqlValue.Null]], null)).Rows[0];

        Assert.Equal(SqlValueKind.Blob, row[0].Kind);
        Assert.Equal(0, row[0].AsBlob().Length);
        Assert.Equal(SqlValueKind.Text, row[1].Kind);
        Assert.Equal(string.Empty, row[1].AsText());
        Assert.True(row[2].IsNull);
    }

    [Fact]
    public void Reals_KeepTheirBits_IncludingNegativeZeroAndInfinities()
    {
        double[] reals = [-0.0, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, BitConverter.Int64BitsToDouble(0x000F_FFFF_FFFF_FFFF)];

        var row = ProtocolWire.RoundTrip(SampleMessages.QueryResultOf([[.. reals.Select(SqlValue.FromReal)]], null)).Rows[0];

        Assert.Equal(reals.Select(BitConverter.DoubleToInt64Bits), row.Select(v => BitConverter.DoubleToInt64Bits(v.AsReal())));
    }

    [Fact]
    public void ExactBytes_ArePinned_ForEachStorageClass()
    {
        Assert.Equal(new byte[] { 0x05 }, EncodeValue(SqlValue.Null));
        Assert.Equal(new byte[] { 0x01, 0x01 }, EncodeValue(SqlValue.FromInteger(-1)));
        Assert.Equal(new byte[] { 0x02, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F }, EncodeValue(SqlValue.FromReal(1.0)));
        Assert.Equal(new byte[] { 0x03, 0x03, (byte)'h', 0x00 }, EncodeValue(SqlValue.FromText("h\0")));
        Assert.Equal(new byte[] { 0x04, 0x00 }, EncodeValue(SqlValue.FromBlob([])));
        Assert.Equal(new byte[] { 0x04, 0x02, 0xAB, 0xCD }, EncodeValue(SqlValue.FromBlob([0xAB, 0xCD])));
    }

    [Fact]
    public void NaN_OnTheWire_IsRejected_BecauseSqliteNeverProducesIt()
    {
        var bytes = EncodeRowWithOneReal(1.5);
        var at = Array.LastIndexOf(bytes, (byte)0x02) + 1; // the real's tag is the last 0x02 before its 8 bytes
        BitConverter.GetBytes(BitConverter.DoubleToInt64Bits(double.NaN)).CopyTo(bytes, at);

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(0xFF)]
    public void UnknownStorageClassTags_AreRejected(byte tag)
    {
        var bytes = ProtocolWire.Encode(SampleMessages.QueryResultOf([[SqlValue.Null]], null));
        Assert.Equal((byte)SqlValueKind.Null, bytes[^2]); // the one value, then the "no cursor" byte
        bytes[^2] = tag;

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));
        Assert.Contains("storage class", error.Message, StringComparison.Ordinal);
    }

    private static byte[] EncodeRowWithOneReal(double value) =>
        ProtocolWire.Encode(new QueryResult([new ColumnInfo("r", null)], [[SqlValue.FromReal(value)]], null));

    // The payload of a one-parameter positional Query, minus the SQL and parameter header, is exactly the value.
    private static byte[] EncodeValue(SqlValue value)
    {
        var bytes = ProtocolWire.Encode(new Query(string.Empty, SqlParameters.Positional(value)));
        const int header = 2 + 1 + 1 + 1 + 1; // id (2), payload length (1 for these), empty sql, form, count
        return bytes[header..];
    }

    private static void AssertIdentical(SqlValue expected, SqlValue actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected, actual); // storage identity: bits for reals, ordinal text, bytes for blobs
    }
}
