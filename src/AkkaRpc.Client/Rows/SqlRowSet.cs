using System.Collections;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>The rows of a query, every page fetched, with the column names.</summary>
public sealed class SqlRowSet : IReadOnlyList<SqlRow>
{
    private readonly List<SqlRow> _rows;

    internal SqlRowSet(SqlColumns columns, List<SqlRow> rows)
    {
        Columns = columns;
        _rows = rows;
    }

    /// <summary>The result's columns, in order.</summary>
    public SqlColumns Columns { get; }

    /// <inheritdoc/>
    public int Count => _rows.Count;

    /// <inheritdoc/>
    public SqlRow this[int index] => _rows[index];

    /// <summary>The first column of the first row, as a CLR value; null when there are no rows.</summary>
    public object? Scalar() => _rows.Count == 0 || Columns.Count == 0 ? null : _rows[0][0];

    /// <inheritdoc/>
    public IEnumerator<SqlRow> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static SqlRowSet From(QueryResult first, List<IReadOnlyList<SqlValue>> rows)
    {
        var columns = new SqlColumns(first.Columns);
        var list = new List<SqlRow>(rows.Count);
        foreach (var row in rows)
        {
            list.Add(new SqlRow(columns, row));
        }

        return new SqlRowSet(columns, list);
    }
}
