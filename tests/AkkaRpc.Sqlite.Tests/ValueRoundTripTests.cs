namespace AkkaRpc.Sqlite.Tests;

public sealed class ValueRoundTripTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public ValueRoundTripTests()
    {
        // No declared type: BLOB affinity stores every value exactly as given.
        _db.Exec("CREATE TABLE v(id INTEGER PRIMARY KEY, x)");
    }

    public static TheoryData<string, SqlValue> Values() => new()
    {
        { "null", SqlValue.Null },
        { "zero", 0L },
        { "long.MinValue", long.MinValue },
        { "long.MaxValue", long.MaxValue },
        { "pi", Math.PI },
        { "negative zero", -0.0 },
        { "double.Epsilon", double.Epsilon },
        { "double.MaxValue", double.MaxValue },
        { "+infinity", double.PositiveInfinity },
        { "-infinity", double.NegativeInfinity },
        { "empty text", string.Empty },
        { "emoji and accents", "héllo wörld 😀 日本" },
        { "embedded NUL", "a\0b\0" },
        { "empty blob", SqlValue.FromBlob([]) },
        { "binary blob", SqlValue.FromBlob([0, 1, 2, 255, 0]) },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Values_round_trip_exactly_through_a_table_via_parameters(string label, SqlValue value)
    {
        var id = _db.Exec("INSERT INTO v(x) VALUES (?)", SqlParameters.Positional(value)).LastInsertRowId;
        var back = _db.Scalar("SELECT x FROM v WHERE id = ?", SqlParameters.Positional(id));
        Assert.True(value == back, $"{label}: sent {value}, got {back}");
        if (value.Kind == SqlValueKind.Real)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(value.AsReal()), BitConverter.DoubleToInt64Bits(back.AsReal()));
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Values_round_trip_as_bare_parameters(string label, SqlValue value)
    {
        var back = _db.Scalar("SELECT ?1", SqlParameters.Positional(value));
        Assert.True(value == back, $"{label}: sent {value}, got {back}");
    }

    [Fact]
    public void Literals_read_back_as_their_storage_class()
    {
        var row = _db.Query(
            "SELECT NULL, -9223372036854775808, 9223372036854775807, 1.5, 1e999, -1e999, 0.0/0.0, '', 'a' || char(0) || 'b', X'', X'00FF', '😀'")
            .Rows.Single();
        SqlValue[] expected =
        [
            SqlValue.Null, long.MinValue, long.MaxValue, 1.5, double.PositiveInfinity, double.NegativeInfinity,
            SqlValue.Null, string.Empty, "a\0b", SqlValue.FromBlob([]), SqlValue.FromBlob([0x00, 0xFF]), "😀",
        ];
        Assert.Equal(expected, row);
    }

    [Fact]
    public void NaN_is_stored_as_null_by_sqlite()
    {
        // SqlValue already maps NaN to NULL, mirroring SQLite, which binds a NaN double as NULL.
        var id = _db.Exec("INSERT INTO v(x) VALUES (?)", SqlParameters.Positional(SqlValue.FromReal(double.NaN))).LastInsertRowId;
        Assert.Equal("null", _db.Scalar("SELECT typeof(x) FROM v WHERE id = ?", SqlParameters.Positional(id)).AsText());
        Assert.Equal("real", _db.Scalar("SELECT typeof(?)", SqlParameters.Positional(double.PositiveInfinity)).AsText());
    }

    [Fact]
    public void Embedded_nul_is_stored_with_its_full_length()
    {
        Assert.Equal(3L, _db.Scalar("SELECT length(CAST(? AS BLOB))", SqlParameters.Positional("a\0b")).AsInteger());
    }

    [Fact]
    public void Empty_blob_is_a_blob_not_null()
    {
        Assert.Equal("blob", _db.Scalar("SELECT typeof(?)", SqlParameters.Positional(SqlValue.FromBlob([]))).AsText());
    }

    [Fact]
    public void Columns_report_names_and_declared_types()
    {
        _db.Exec("CREATE TABLE typed(a INTEGER, b VARCHAR(10))");
        var result = _db.Query("SELECT a, b AS bee, 1 + 1 AS two FROM typed");
        Assert.Equal([new ColumnInfo("a", "INTEGER"), new ColumnInfo("bee", "VARCHAR(10)"), new ColumnInfo("two", null)], result.Columns);
    }

    public void Dispose() => _db.Dispose();
}
