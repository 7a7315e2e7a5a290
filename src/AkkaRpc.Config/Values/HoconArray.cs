using System.Collections;

namespace AkkaRpc.Config;

/// <summary>A resolved, immutable array.</summary>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly HoconValue[] _elements;

    internal HoconArray(SourcePosition origin, HoconValue[] elements)
        : base(origin) => _elements = elements;

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Array;

    /// <inheritdoc/>
    public int Count => _elements.Length;

    /// <inheritdoc/>
    public HoconValue this[int index] => _elements[index];

    /// <inheritdoc/>
    public IEnumerator<HoconValue> GetEnumerator() => ((IEnumerable<HoconValue>)_elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
