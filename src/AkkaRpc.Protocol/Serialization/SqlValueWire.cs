
namespace AkkaRpc.Protocol.Serialization;

/// <summary>The inline encodings of the parts of database messages: values, parameters, statements and columns.</summary>
/// <remarks>
/// A <see cref="SqlValue"/> is its <see cref="SqlValueKind"/> as one byte, then: a zigzag varint for
/// Integer, 8 little-endian bytes for Real, a length-prefixed UTF-8 string for Text, a length-prefixed
/// byte string for Blob, nothing for Null. Reals are never NaN (SQLite has none), so a NaN on the wire is rejected.
/// </remarks>
internal static class SqlValueWire
{
    private const byte Positional = 0;
    private const byte Named = 1;

    // A claimed count is bounded only by the bytes left, and a SqlValue takes 40 bytes in memory for 1 on the
    // wire; above this many items, arrays grow as items actually arrive instead of being allocated up front.
    public const int MaxPreallocated = 4096;

    // The fewest bytes a Statement takes: an empty-string prefix, the parameter form and a zero count.
    public const int MinStatementBytes = 3;

    public static void WriteValue(ref WireWriter writer, in SqlValue value)
    {
        var kind = value.Kind;
        writer.WriteByte((byte)kind);
        switch (kind)
        {
            case SqlValueKind.Integer:
                writer.WriteVarInt64(value.AsInteger());
                break;
            case SqlValueKind.Real:
                writer.WriteDouble(value.AsReal());
                break;
            case SqlValueKind.Text:
                writer.WriteString(value.AsText());
                break;
            case SqlValueKind.Blob:
                writer.WriteBytes(value.AsBlob().Span);
                break;
        }
    }

    public static SqlValue ReadValue(ref WireReader reader)
    {
        var tag = reader.ReadByte();
        switch ((SqlValueKind)tag)
        {
            case SqlValueKind.Integer:
                return SqlValue.FromInteger(reader.ReadVarInt64());
            case SqlValueKind.Real:
                var real = reader.ReadDouble();
                if (double.IsNaN(real))
                {
                    throw new WireFormatException("Invalid SqlValue: a real is NaN, which SQLite stores as NULL and never sends.");
                }

                return SqlValue.FromReal(real);
            case SqlValueKind.Text:
                return SqlValue.FromText(ReadText(ref reader, "SqlValue text"));
            case SqlValueKind.Blob:
                return SqlValue.FromBlob(reader.ReadBytes());
            case SqlValueKind.Null:
                return SqlValue.Null;
            default:
                throw new WireFormatException($"Invalid SqlValue: unknown storage class tag {tag}.");
        }
    }

    public static void WriteValues(ref WireWriter writer, IReadOnlyList<SqlValue> values)
    {
        if (values is SqlValue[] array)
        {
            foreach (ref readonly var value in array.AsSpan())
            {
                WriteValue(ref writer, value);
            }

            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            WriteValue(ref writer, values[i]);
        }
    }

    /// <summary>Reads <paramref name="count"/> values, already checked against the bytes left.</summary>
    public static SqlValue[] ReadValues(ref WireReader reader, int count)
    {
        if (count <= MaxPreallocated)
        {
            var values = new SqlValue[count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ReadValue(ref reader);
            }

            return values;
        }

        var list = new List<SqlValue>(MaxPreallocated);
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadValue(ref reader));
        }

        return [.. list];
    }

    public static void WriteParameters(ref WireWriter writer, SqlParameters parameters)
    {
        var values = parameters.Values;
        if (parameters.Names is { } names)
        {
            writer.WriteByte(Named);
            writer.WriteCount(values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                writer.WriteString(names[i]);
                WriteValue(ref writer, values[i]);
            }

            return;
        }

        writer.WriteByte(Positional);
        writer.WriteCount(values.Count);
        WriteValues(ref writer, values);
    }

    public static SqlParameters ReadParameters(ref WireReader reader)
    {
        var form = reader.ReadByte();
        if (form == Positional)
        {
            var count = CheckParameterCount(reader.ReadCount());
            if (count == 0)
            {
                return SqlParameters.None;
            }

            return SqlParameters.Positional(ReadValues(ref reader, count));
        }

        if (form != Named)
        {
            throw new WireFormatException($"Invalid SqlParameters: unknown form {form}.");
        }

        // A name takes at least its one-byte prefix, a value at least its tag.
        var pairCount = CheckParameterCount(reader.ReadCount(2));
        var pairs = new List<KeyValuePair<string, SqlValue>>(Math.Min(pairCount, MaxPreallocated));
        for (var i = 0; i < pairCount; i++)
        {
            var name = ReadText(ref reader, "SqlParameters name");
            pairs.Add(KeyValuePair.Create(name, ReadValue(ref reader)));
        }

        try
        {
            return SqlParameters.Named(pairs);
        }
        catch (ArgumentException ex)
        {
            throw new WireFormatException($"Invalid SqlParameters: {ex.Message}", ex);
        }
    }

    // A NULL takes one byte on the wire and a whole SqlValue once decoded: a frame of 15 M NULLs would take hundreds of MB.
    private static int CheckParameterCount(int count) => count <= SqlParameters.MaxCount
        ? count
        : throw new WireFormatException($"Invalid SqlParameters: {count} values, over the limit of {SqlParameters.MaxCount} per statement.");

    public static void WriteStatement(ref WireWriter writer, string sql, SqlParameters parameters)
    {
        writer.WriteString(sql);
        WriteParameters(ref writer, parameters);
    }

    public static void WriteColumns(ref WireWriter writer, IReadOnlyList<ColumnInfo> columns)
    {
        writer.WriteCount(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            writer.WriteString(columns[i].Name);
            writer.WriteString(columns[i].DeclaredType);
        }
    }

    public static ColumnInfo[] ReadColumns(ref WireReader reader)
    {
        // A column takes at least two string prefixes.
        var columns = new ColumnInfo[reader.ReadCount(2)];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new ColumnInfo(ReadText(ref reader, "ColumnInfo.Name"), reader.ReadString());
        }

        return columns;
    }

    /// <summary>Reads a string that the message requires to be non-null.</summary>
    public static string ReadText(ref WireReader reader, string field) =>
        reader.ReadString() ?? throw new WireFormatException($"Invalid {field}: it is null, but the field is required.");
}
