using System.Data.Common;

namespace AkkaRpc.Client.Tests.Data;

/// <summary>Binding CLR values and reading SQLite values: every getter on every kind of value, against Microsoft.Data.Sqlite.</summary>
public sealed class TypeDifferentialTests(DifferentialFixture fixture) : IClassFixture<DifferentialFixture>
{
    public enum Color
    {
        Red = 1,
        Blue = 2,
    }

    private static readonly (string Name, object? Value)[] Values =
    [
        ("int", 42), ("long", 42L), ("short", (short)7), ("byte", (byte)200), ("sbyte", (sbyte)-5), ("uint", 3u), ("ulong", 5ul),
        ("ushort", (ushort)9), ("ulong max", ulong.MaxValue), ("true", true), ("false", false), ("double", 1.5), ("float", 1.25f),
        ("infinity", double.PositiveInfinity), ("NaN", double.NaN), ("decimal", 12.345m), ("whole decimal", 3m), ("decimal max", decimal.MaxValue),
        ("text", "text"), ("empty text", ""), ("unicode", "ünïcødé ✓"), ("char", 'c'), ("blob", new byte[] { 1, 2, 3 }), ("empty blob", Array.Empty<byte>()),
        ("guid", new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301")), ("DateTime", new DateTime(2024, 1, 2, 3, 4, 5, 678)),
        ("DateTime utc", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)), ("DateTimeOffset", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))),
        ("TimeSpan", new TimeSpan(1, 2, 3, 4, 5)), ("DateOnly", new DateOnly(2024, 2, 29)), ("TimeOnly", new TimeOnly(13, 14, 15)),
        ("TimeOnly fraction", new TimeOnly(13, 14, 15, 16)), ("enum", Color.Blue), ("DBNull", DBNull.Value), ("null", null), ("object", new object()),
    ];

    private static readonly string[] Literals =
    [
        "42", "-1", "2147483648", "300", "1.5", "-2.75", "0.1", "1.0", "1e20", "99999999999999999999", "'abc'", "'42'", "' 12xyz'", "'12.5'", "'true'",
        "X'0102'", "X'00112233445566778899AABBCCDDEEFF'", "NULL", "'2024-01-02 03:04:05.678'", "'2024-01-02 03:04:05+02:00'", "2460000.5",
        "'3F2504E0-4F89-11D3-9A0C-0305E82C3301'", "'1.02:03:04.005'", "'13:14:15'", "'2024-02-29'", "'c'", "1", "0", "2",
    ];

    private static readonly (string Name, Func<DbDataReader, object?> Get)[] Getters =
    [
        ("GetValue", r => r.GetValue(0)), ("IsDBNull", r => r.IsDBNull(0)), ("GetFieldType", r => r.GetFieldType(0)), ("GetDataTypeName", r => r.GetDataTypeName(0)),
        ("GetInt32", r => r.GetInt32(0)), ("GetInt64", r => r.GetInt64(0)), ("GetInt16", r => r.GetInt16(0)), ("GetByte", r => r.GetByte(0)),
        ("GetDouble", r => r.GetDouble(0)), ("GetFloat", r => r.GetFloat(0)), ("GetString", r => r.GetString(0)), ("GetBoolean", r => r.GetBoolean(0)),
        ("GetChar", r => r.GetChar(0)), ("GetDecimal", r => r.GetDecimal(0)), ("GetDateTime", r => r.GetDateTime(0)), ("GetGuid", r => r.GetGuid(0)),
        ("DateTimeOffset", r => r.GetFieldValue<DateTimeOffset>(0)), ("TimeSpan", r => r.GetFieldValue<TimeSpan>(0)), ("DateOnly", r => r.GetFieldValue<DateOnly>(0)),
        ("TimeOnly", r => r.GetFieldValue<TimeOnly>(0)), ("int?", r => r.GetFieldValue<int?>(0)), ("enum", r => r.GetFieldValue<Color>(0)),
        ("enum?", r => r.GetFieldValue<Color?>(0)), ("byte[]", r => r.GetFieldValue<byte[]>(0)), ("object", r => r.GetFieldValue<object>(0)),
        ("string", r => r.GetFieldValue<string>(0)), ("ulong", r => r.GetFieldValue<ulong>(0)), ("bool", r => r.GetFieldValue<bool>(0)),
        ("Stream", r => r.GetStream(0)), ("GetBytes length", r => r.GetBytes(0, 0, null, 0, 0)), ("column", r => r.GetOrdinal("V")),
    ];

    [Fact]
    public async Task EveryClrValue_IsBoundAsMicrosoftDataSqliteBindsIt()
    {
        await using var differ = await Differ.OpenAsync(fixture, "binding");
        foreach (var (name, value) in Values)
        {
            await differ.Case("bind " + name, c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "SELECT $v, typeof($v)";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$v";
                parameter.Value = value;
                command.Parameters.Add(parameter);
                using var reader = command.ExecuteReader();
                Assert.True(reader.Read());
                return new[] { reader.GetValue(0), reader.GetString(1) };
            });
        }

        differ.AssertSame(atLeast: Values.Length);
    }

    [Fact]
    public async Task EveryGetter_OnEveryKindOfValue_ReadsOrFailsAsMicrosoftDataSqlite()
    {
        await using var differ = await Differ.OpenAsync(fixture, "reading");
        foreach (var literal in Literals)
        {
            // Each getter reads a fresh row: SQLite converts a value in place when it is read as another type (a blob
            // read as text is text from then on), and that quirk is not what this compares.
            await differ.Case("read " + literal, c => Getters.Select(g => g.Name + ": " + Get(c, literal, g.Get)).ToList());
        }

        var (sqlite, _) = await differ.Case("read NULL with GetInt32", c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT NULL";
            using var reader = command.ExecuteReader();
            reader.Read();
            return reader.GetInt32(0);
        });
        differ.AssertSame(atLeast: Literals.Length);
        Assert.Equal("throws InvalidOperationException", sqlite);
    }

    [Fact]
    public async Task ReaderMisuse_FailsAsMicrosoftDataSqlite()
    {
        await using var differ = await Differ.OpenAsync(fixture, "misuse", "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO t(name) VALUES ('a'), ('b')");
        await differ.Case("value before Read", c => Reader(c, "SELECT name FROM t", r => r.GetValue(0)));
        await differ.Case("value after the last row", c => Reader(c, "SELECT name FROM t", r => { while (r.Read()) { } return r.GetValue(0); }));
        await differ.Case("ordinal out of range", c => Reader(c, "SELECT name FROM t", r => { r.Read(); return r.GetValue(5); }));
        await differ.Case("unknown column name", c => Reader(c, "SELECT name FROM t", r => r.GetOrdinal("nope")));
        await differ.Case("column metadata without a row", c => Reader(c, "SELECT id, name FROM t WHERE 0", r => new object[] { r.FieldCount, r.HasRows, r.GetName(1), r.GetFieldType(0), r.GetDataTypeName(1) }));
        await differ.Case("read after close", c => Reader(c, "SELECT name FROM t", r => { r.Close(); return r.Read(); }));
        await differ.Case("records affected of a query", c => Reader(c, "SELECT name FROM t", r => r.RecordsAffected));
        await differ.Case("no result set", c => Reader(c, "UPDATE t SET name = name", r => new object[] { r.FieldCount, r.Read(), r.RecordsAffected }));
        differ.AssertSame(atLeast: 8);
    }

    private static object? Reader(DbConnection connection, string sql, Func<DbDataReader, object?> use)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return use(reader);
    }

    private static string Get(DbConnection connection, string literal, Func<DbDataReader, object?> get)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {literal} AS v";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        try
        {
            return Outcome.Describe(get(reader));
        }
        catch (Exception e)
        {
            return "throws " + Outcome.Kind(e);
        }
    }
}
