using System.Collections;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>The columns of a result: names in order, and a lookup from name to ordinal shared by every row.</summary>
public sealed class SqlColumns : IReadOnlyList<string>
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.OrdinalIgnoreCase);

    internal SqlColumns(IReadOnlyList<ColumnInfo> columns)
    {
        _names = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            _names[i] = columns[i].Name;
            _ordinals.TryAdd(columns[i].Name, i); // like ADO.NET, the first of two same-named columns wins
        }
    }

    /// <inheritdoc/>
    public int Count => _names.Length;

    /// <inheritdoc/>
    public string this[int index] => _names[index];

    /// <summary>The ordinal of <paramref name="name"/> (case-insensitive), or -1.</summary>
    public int IndexOf(string name) => _ordinals.TryGetValue(name, out var i) ? i : -1;

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_names).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
