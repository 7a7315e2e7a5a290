using System.Collections;
using System.Data.Common;

namespace AkkaRpc.Data;

/// <summary>The parameters of an <see cref="AkkaRpcCommand"/>.</summary>
public sealed class AkkaRpcParameterCollection : DbParameterCollection
{
    private readonly List<AkkaRpcParameter> _items = [];

    internal AkkaRpcParameterCollection()
    {
    }

    /// <inheritdoc/>
    public override int Count => _items.Count;

    /// <inheritdoc/>
    public override object SyncRoot => ((ICollection)_items).SyncRoot;

    /// <summary>The parameter at <paramref name="index"/>.</summary>
    public new AkkaRpcParameter this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    /// <summary>The parameter named <paramref name="parameterName"/>.</summary>
    public new AkkaRpcParameter this[string parameterName]
    {
        get => _items[IndexOfChecked(parameterName)];
        set => _items[IndexOfChecked(parameterName)] = value;
    }

    internal IReadOnlyList<AkkaRpcParameter> Items => _items;

    /// <summary>Adds <paramref name="parameter"/> and returns it.</summary>
    public AkkaRpcParameter Add(AkkaRpcParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        _items.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a parameter named <paramref name="parameterName"/> with <paramref name="value"/> and returns it.</summary>
    public AkkaRpcParameter AddWithValue(string? parameterName, object? value) => Add(new AkkaRpcParameter(parameterName, value));

    /// <inheritdoc/>
    public override int Add(object value)
    {
        _items.Add(Cast(value));
        return _items.Count - 1;
    }

    /// <inheritdoc/>
    public override void AddRange(Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Add(value!);
        }
    }

    /// <inheritdoc/>
    public override void Clear() => _items.Clear();

    /// <inheritdoc/>
    public override bool Contains(object value) => value is AkkaRpcParameter p && _items.Contains(p);

    /// <inheritdoc/>
    public override bool Contains(string value) => IndexOf(value) >= 0;

    /// <inheritdoc/>
    public override void CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    /// <inheritdoc/>
    public override IEnumerator GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public override int IndexOf(object value) => value is AkkaRpcParameter p ? _items.IndexOf(p) : -1;

    /// <inheritdoc/>
    public override int IndexOf(string parameterName) => _items.FindIndex(p => p.ParameterName == parameterName);

    /// <inheritdoc/>
    public override void Insert(int index, object value) => _items.Insert(index, Cast(value));

    /// <inheritdoc/>
    public override void Remove(object value) => _items.Remove(Cast(value));

    /// <inheritdoc/>
    public override void RemoveAt(int index) => _items.RemoveAt(index);

    /// <inheritdoc/>
    public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOfChecked(parameterName));

    /// <inheritdoc/>
    protected override DbParameter GetParameter(int index) => _items[index];

    /// <inheritdoc/>
    protected override DbParameter GetParameter(string parameterName) => this[parameterName];

    /// <inheritdoc/>
    protected override void SetParameter(int index, DbParameter value) => _items[index] = Cast(value);

    /// <inheritdoc/>
    protected override void SetParameter(string parameterName, DbParameter value) => _items[IndexOfChecked(parameterName)] = Cast(value);

    private int IndexOfChecked(string parameterName) => IndexOf(parameterName) is var i and >= 0
        ? i
        : throw new IndexOutOfRangeException($"A parameter named '{parameterName}' is not in this collection.");

    private static AkkaRpcParameter Cast(object value) => value as AkkaRpcParameter
        ?? throw new InvalidCastException($"The parameter collection holds AkkaRpcParameter objects, not {value?.GetType().Name ?? "null"}.");
}
