using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AkkaRpc.Config;

/// <summary>A resolved, immutable object; enumerates its fields in the order they were first defined.</summary>
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly OrderedDictionary<string, HoconValue> _fields;

    internal HoconObject(SourcePosition origin, OrderedDictionary<string, HoconValue> fields)
        : base(origin) => _fields = fields;

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Object;

    /// <inheritdoc/>
    public int Count => _fields.Count;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <inheritdoc/>
    public IEnumerable<HoconValue> Values => _fields.Values;

    /// <inheritdoc/>
    public HoconValue this[string key] => _fields[key];

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Merges <paramref name="over"/> onto <paramref name="under"/>: objects in both merge, anything else in <paramref name="over"/> wins.</summary>
    internal static HoconObject Merge(HoconObject under, HoconObject over)
    {
        var fields = new OrderedDictionary<string, HoconValue>(under._fields, StringComparer.Ordinal);
        foreach ((string key, HoconValue value) in over._fields)
        {
            fields[key] = fields.TryGetValue(key, out HoconValue? existing) && existing is HoconObject a && value is HoconObject b
                ? Merge(a, b)
                : value;
        }

        return new HoconObject(under.Origin, fields);
    }
}
