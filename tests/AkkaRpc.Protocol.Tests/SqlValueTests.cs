namespace AkkaRpc.Protocol.Tests;

public sealed class SqlValueTests
{
    [Fact]
    public void Default_value_is_null()
    {
        Assert.True(default(SqlValue).IsNull);
        Assert.Equal(SqlValue.Null, default);
        Assert.Equal("NULL", default(SqlValue).ToString());
    }

    [Fact]
    public void NaN_becomes_null_as_in_sqlite_and_infinity_stays_real()
    {
        Assert.True(SqlValue.FromReal(double.NaN).IsNull);
        Assert.Equal(SqlValueKind.Real, SqlValue.FromReal(double.PositiveInfinity).Kind);
        Assert.Equal("1e999", SqlValue.FromReal(double.PositiveInfinity).ToString());
    }

    [Fact]
    public void Equality_is_storage_identity()
    {
        Assert.NotEqual(SqlValue.FromInteger(1), SqlValue.FromReal(1.0));
        Assert.NotEqual(SqlValue.FromReal(0.0), SqlValue.FromReal(-0.0));
        Assert.Equal(SqlValue.FromBlob([1, 2, 3]), SqlValue.FromBlob(new ReadOnlyMemory<byte>([9, 1, 2, 3]).Slice(1)));
        Assert.Equal(SqlValue.FromBlob([1, 2, 3]).GetHashCode(), SqlValue.FromBlob(new byte[] { 1, 2, 3 }).GetHashCode());
        Assert.NotEqual(SqlValue.FromBlob([]), SqlValue.Null);
        Assert.NotEqual(SqlValue.FromText(string.Empty), SqlValue.FromBlob([]));
        Assert.True(SqlValue.FromText("a") == "a");
    }

    [Fact]
    public void Accessing_the_wrong_kind_throws_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqlValue.FromText("x").AsInteger());
        Assert.Contains("Text, not Integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_writes_sql_literals()
    {
        Assert.Equal("'it''s'", SqlValue.FromText("it's").ToString());
        Assert.Equal("X'0AFF'", SqlValue.FromBlob([0x0A, 0xFF]).ToString());
        Assert.Equal("2.0", SqlValue.FromReal(2).ToString());
        Assert.Equal("-9223372036854775808", SqlValue.FromInteger(long.MinValue).ToString());
    }

    [Fact]
    public void FromObject_maps_clr_types_to_documented_storage_classes()
    {
        Assert.Equal(SqlValue.FromInteger(1), SqlValue.FromObject(true));
        Assert.Equal(SqlValue.FromInteger(7), SqlValue.FromObject((byte)7));
        Assert.Equal(SqlValue.FromInteger(3), SqlValue.FromObject(DayOfWeek.Wednesday));
        Assert.Equal(SqlValue.FromReal(1.5), SqlValue.FromObject(1.5f));
        Assert.Equal(SqlValue.FromText("0.1000000000000000000000000001"), SqlValue.FromObject(0.1000000000000000000000000001m));
        Assert.Equal(SqlValue.FromText("00000000-0000-0000-0000-000000000001"), SqlValue.FromObject(new Guid("00000000-0000-0000-0000-000000000001")));
        Assert.Equal(SqlValue.FromText("2024-02-29 13:45:01.5"), SqlValue.FromObject(new DateTime(2024, 2, 29, 13, 45, 1, 500)));
        Assert.Equal(SqlValue.FromText("2024-02-29"), SqlValue.FromObject(new DateOnly(2024, 2, 29)));
        Assert.True(SqlValue.FromObject(null).IsNull);
        Assert.True(SqlValue.FromObject(DBNull.Value).IsNull);
        Assert.Equal(SqlValue.FromBlob([1]), SqlValue.FromObject(new byte[] { 1 }));
    }

    [Fact]
    public void FromObject_rejects_unknown_types_and_out_of_range_integers()
    {
        var error = Assert.Throws<ArgumentException>(() => SqlValue.FromObject(new Uri("http://x")));
        Assert.Contains("System.Uri", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlValue.FromObject(ulong.MaxValue));
    }
}
