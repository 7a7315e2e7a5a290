using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>One row of a query: values by ordinal or column name, as CLR values or as <see cref="SqlValue"/>.</summary>
public sealed class SqlRow
{
    private readonly IReadOnlyList<SqlValue> _values;

    internal SqlRow(SqlColumns columns, IReadOnlyList<SqlValue> values)
    {
        Columns = columns;
        _values = values;
    }

    /// <summary>The result's columns.</summary>
    public SqlColumns Columns { get; }

    /// <summary>The number of values.</summary>
    public int Count => _values.Count;

    /// <summary>The value at <paramref name="ordinal"/>: null, <see cref="long"/>, <see cref="double"/>, <see cref="string"/> or a <see cref="byte"/> array.</summary>
    public object? this[int ordinal] => _values[ordinal].ToObject();

    /// <summary>The value of column <paramref name="column"/> (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">The result has no such column.</exception>
    public object? this[string column] => _values[OrdinalOf(column)].ToObject();

    /// <summary>The raw value at <paramref name="ordinal"/>, without copying blobs.</summary>
    public SqlValue GetValue(int ordinal) => _values[ordinal];

    /// <summary>The value of <paramref name="column"/> converted to <typeparamref name="T"/> (as <c>QueryAsync&lt;T&gt;</c> converts).</summary>
    public T Get<T>(string column) => (T)ValueConverter.Convert(_values[OrdinalOf(column)], typeof(T), column)!;

    /// <summary>The value at <paramref name="ordinal"/> converted to <typeparamref name="T"/>.</summary>
    public T Get<T>(int ordinal) => (T)ValueConverter.Convert(_values[ordinal], typeof(T), Columns[ordinal])!;

    /// <inheritdoc/>
    public override string ToString() => string.Join(" | ", _values);

    private int OrdinalOf(string column)
    {
        var ordinal = Columns.IndexOf(column);
        return ordinal >= 0
            ? ordinal
            : throw new KeyNotFoundException($"The result has no column '{column}'; its columns are {string.Join(", ", Columns)}.");
    }
}
