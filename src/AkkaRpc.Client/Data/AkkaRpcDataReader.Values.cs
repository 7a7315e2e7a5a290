using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using AkkaRpc.Protocol;

namespace AkkaRpc.Data;

public sealed partial class AkkaRpcDataReader
{
    private static readonly HashSet<Type> s_primitives =
    [
        typeof(bool), typeof(byte), typeof(char), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(decimal),
        typeof(double), typeof(float), typeof(Guid), typeof(int), typeof(long), typeof(sbyte), typeof(short), typeof(TimeSpan), typeof(uint),
        typeof(ulong), typeof(ushort),
    ];

    /// <inheritdoc/>
    public override string GetName(int ordinal) => Column(ordinal, nameof(GetName)).Name;

    /// <summary>The ordinal of the column named <paramref name="name"/>: an exact match, else one that differs only in case.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No column has that name.</exception>
    public override int GetOrdinal(string name)
    {
        var columns = Columns(nameof(GetOrdinal));
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name == name)
            {
                return i;
            }
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, $"The result has no column '{name}'.");
    }

    /// <summary>The column's declared type (without its size), or for an expression the storage class of its value.</summary>
    public override string GetDataTypeName(int ordinal)
    {
        if (Column(ordinal, nameof(GetDataTypeName)).DeclaredType is { } declared)
        {
            var paren = declared.IndexOf('(', StringComparison.Ordinal);
            return paren < 0 ? declared : declared[..paren];
        }

        return (_current?[ordinal].Kind ?? SqlValueKind.Null) switch
        {
            SqlValueKind.Integer => "INTEGER",
            SqlValueKind.Real => "REAL",
            SqlValueKind.Text => "TEXT",
            _ => "BLOB",
        };
    }

    /// <summary>The CLR type of the column's value in this row (long, double, string or byte[]); for NULL, the last non-NULL one's, else the declared type's affinity.</summary>
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields)]
    public override Type GetFieldType(int ordinal)
    {
        _ = Column(ordinal, nameof(GetFieldType));
        var kind = _current?[ordinal].Kind ?? SqlValueKind.Null;
        if (kind == SqlValueKind.Null)
        {
            kind = _typeCache[ordinal] ?? ValueReader.Affinity(GetDataTypeName(ordinal));
        }
        else
        {
            _typeCache[ordinal] = kind;
        }

        return ValueReader.TypeOf(kind);
    }

    /// <inheritdoc/>
    public override bool IsDBNull(int ordinal) => Value(ordinal).IsNull;

    /// <summary>The value: long, double, string, byte[], or <see cref="DBNull.Value"/>.</summary>
    public override object GetValue(int ordinal)
    {
        var value = Value(ordinal);
        return value.Kind switch
        {
            SqlValueKind.Integer => value.AsInteger(),
            SqlValueKind.Real => value.AsReal(),
            SqlValueKind.Text => value.AsText(),
            SqlValueKind.Blob => value.AsBlob().ToArray(),
            _ => DBNull.Value,
        };
    }

    /// <inheritdoc/>
    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    /// <summary>The value as it is stored, without conversion or copy.</summary>
    public SqlValue GetSqlValue(int ordinal) => Value(ordinal);

    /// <inheritdoc/>
    public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;

    /// <inheritdoc/>
    public override byte GetByte(int ordinal) => checked((byte)GetInt64(ordinal));

    /// <inheritdoc/>
    public override char GetChar(int ordinal) => ValueReader.Char(Value(ordinal), ordinal);

    /// <inheritdoc/>
    public override DateTime GetDateTime(int ordinal) => ValueReader.DateTime(Value(ordinal), ordinal);

    /// <summary>The value as a <see cref="DateTimeOffset"/>: text parsed, or a number as a Julian day.</summary>
    public DateTimeOffset GetDateTimeOffset(int ordinal) => ValueReader.DateTimeOffset(Value(ordinal), ordinal);

    /// <summary>The value as a <see cref="DateOnly"/>.</summary>
    public DateOnly GetDateOnly(int ordinal) => ValueReader.DateOnly(Value(ordinal), ordinal);

    /// <summary>The value as a <see cref="TimeOnly"/>.</summary>
    public TimeOnly GetTimeOnly(int ordinal) => ValueReader.TimeOnly(Value(ordinal), ordinal);

    /// <summary>The value as a <see cref="TimeSpan"/>: text parsed, or a number as days.</summary>
    public TimeSpan GetTimeSpan(int ordinal) => ValueReader.TimeSpan(Value(ordinal), ordinal);

    /// <inheritdoc/>
    public override decimal GetDecimal(int ordinal) => ValueReader.Decimal(Value(ordinal), ordinal);

    /// <inheritdoc/>
    public override double GetDouble(int ordinal) => ValueReader.Double(Value(ordinal), ordinal);

    /// <inheritdoc/>
    public override float GetFloat(int ordinal) => (float)GetDouble(ordinal);

    /// <inheritdoc/>
    public override Guid GetGuid(int ordinal) => ValueReader.Guid(Value(ordinal), ordinal);

    /// <inheritdoc/>
    public override short GetInt16(int ordinal) => checked((short)GetInt64(ordinal));

    /// <inheritdoc/>
    public override int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

    /// <inheritdoc/>
    public override long GetInt64(int ordinal) => ValueReader.Int64(Value(ordinal), ordinal);

    /// <inheritdoc/>
    public override string GetString(int ordinal) => ValueReader.String(Value(ordinal), ordinal);

    /// <inheritdoc/>
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var blob = ValueReader.Blob(Value(ordinal), ordinal).Span;
        var available = blob.Length - dataOffset;
        if (buffer is null)
        {
            return available;
        }

        var count = (int)Math.Max(0, Math.Min(available, length));
        blob.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <inheritdoc/>
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length - dataOffset;
        }

        var count = (int)Math.Max(0, Math.Min(text.Length - dataOffset, length));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <summary>A read-only stream over the value's bytes (a blob's own, without copying it).</summary>
    public override Stream GetStream(int ordinal)
    {
        var blob = ValueReader.Blob(Value(ordinal), ordinal);
        return MemoryMarshal.TryGetArray(blob, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(blob.ToArray(), writable: false);
    }

    /// <summary>The value as <typeparamref name="T"/>, by the same rules as Microsoft.Data.Sqlite's <c>GetFieldValue</c> (enums and nullables included).</summary>
    public override T GetFieldValue<T>(int ordinal)
    {
        if (typeof(T) == typeof(Stream))
        {
            return (T)(object)GetStream(ordinal);
        }

        if (typeof(T) == typeof(TextReader))
        {
            return (T)(object)GetTextReader(ordinal);
        }

        var value = Value(ordinal);
        if (value.IsNull)
        {
            // Microsoft.Data.Sqlite's typed getters say "NULL" (InvalidOperationException), as do nullable and
            // reference types; other structs (enums) cannot be cast from it.
            return typeof(T) == typeof(DBNull) || typeof(T) == typeof(object) ? (T)(object)DBNull.Value
                : default(T) is null || s_primitives.Contains(typeof(T)) ? throw ValueReader.OnNull(ordinal)
                : throw new InvalidCastException($"The data is NULL at ordinal {ordinal} and cannot be read as {typeof(T).Name}.");
        }

        if (typeof(T) == typeof(string))
        {
            return (T)(object)GetString(ordinal);
        }

        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        type = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
        object? converted =
            type == typeof(bool) ? GetBoolean(ordinal)
            : type == typeof(byte) ? GetByte(ordinal)
            : type == typeof(byte[]) ? ValueReader.Blob(value, ordinal).ToArray()
            : type == typeof(char) ? GetChar(ordinal)
            : type == typeof(DateTime) ? GetDateTime(ordinal)
            : type == typeof(DateTimeOffset) ? GetDateTimeOffset(ordinal)
            : type == typeof(DateOnly) ? GetDateOnly(ordinal)
            : type == typeof(TimeOnly) ? GetTimeOnly(ordinal)
            : type == typeof(decimal) ? GetDecimal(ordinal)
            : type == typeof(double) ? GetDouble(ordinal)
            : type == typeof(float) ? GetFloat(ordinal)
            : type == typeof(Guid) ? GetGuid(ordinal)
            : type == typeof(int) ? GetInt32(ordinal)
            : type == typeof(long) ? GetInt64(ordinal)
            : type == typeof(sbyte) ? checked((sbyte)GetInt64(ordinal))
            : type == typeof(short) ? GetInt16(ordinal)
            : type == typeof(TimeSpan) ? GetTimeSpan(ordinal)
            : type == typeof(uint) ? checked((uint)GetInt64(ordinal))
            : type == typeof(ulong) ? unchecked((ulong)GetInt64(ordinal))
            : type == typeof(ushort) ? checked((ushort)GetInt64(ordinal))
            : null;
        if (converted is null)
        {
            return (T)GetValue(ordinal);
        }

        // The runtime's unboxing rules decide, as they do for Microsoft.Data.Sqlite: an int unboxes as an int-based
        // enum, but not as a nullable one.
        return (T)converted;
    }

    /// <summary>
    /// A table describing the result's columns, with the columns Microsoft.Data.Sqlite's has. The node sends each
    /// column's name and declared type, so the base table and column, key and uniqueness are not known here (DBNull).
    /// </summary>
    public override DataTable GetSchemaTable()
    {
        var columns = Columns(nameof(GetSchemaTable));
        var table = new DataTable("SchemaTable");
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        table.Columns.Add(SchemaTableColumn.NumericPrecision, typeof(short));
        table.Columns.Add(SchemaTableColumn.NumericScale, typeof(short));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add("DataTypeName", typeof(string));
        table.Columns.Add(SchemaTableColumn.IsLong, typeof(bool));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsUnique, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsKey, typeof(bool));
        table.Columns.Add(SchemaTableOptionalColumn.IsAutoIncrement, typeof(bool));
        table.Columns.Add(SchemaTableOptionalColumn.BaseCatalogName, typeof(string));
        table.Columns.Add(SchemaTableColumn.BaseColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.BaseSchemaName, typeof(string));
        table.Columns.Add(SchemaTableOptionalColumn.BaseServerName, typeof(string));
        table.Columns.Add(SchemaTableColumn.BaseTableName, typeof(string));
        table.Columns.Add(SchemaTableColumn.IsAliased, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsExpression, typeof(bool));
        for (var i = 0; i < columns.Count; i++)
        {
            var row = table.NewRow();
            row[SchemaTableColumn.ColumnName] = columns[i].Name;
            row[SchemaTableColumn.ColumnOrdinal] = i;
            row[SchemaTableColumn.ColumnSize] = -1;
            row[SchemaTableColumn.NumericPrecision] = DBNull.Value;
            row[SchemaTableColumn.NumericScale] = DBNull.Value;
            row[SchemaTableColumn.DataType] = GetFieldType(i);
            row["DataTypeName"] = GetDataTypeName(i);
            row[SchemaTableColumn.IsLong] = DBNull.Value;
            row[SchemaTableColumn.AllowDBNull] = DBNull.Value;
            row[SchemaTableColumn.IsUnique] = DBNull.Value;
            row[SchemaTableColumn.IsKey] = DBNull.Value;
            row[SchemaTableOptionalColumn.IsAutoIncrement] = DBNull.Value;
            row[SchemaTableColumn.IsExpression] = columns[i].DeclaredType is null;
            table.Rows.Add(row);
        }

        return table;
    }

    private IReadOnlyList<ColumnInfo> Columns(string operation) =>
        _closed ? throw Closed(operation)
        : _page?.Columns ?? throw new InvalidOperationException("No data exists for the row/column.");

    private ColumnInfo Column(int ordinal, string operation)
    {
        var columns = Columns(operation);
        return (uint)ordinal < (uint)columns.Count ? columns[ordinal] : throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, null);
    }

    private SqlValue Value(int ordinal)
    {
        if (_closed)
        {
            throw Closed("GetValue");
        }

        if (_current is not { } row)
        {
            throw new InvalidOperationException("No data exists for the row/column.");
        }

        return (uint)ordinal < (uint)row.Count ? row[ordinal] : throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, null);
    }
}
