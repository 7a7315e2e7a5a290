namespace AkkaRpc.Config;

/// <summary>An object being built by the parser; fields keep the order they were first written in.</summary>
internal sealed class RawObject : RawValue
{
    public RawObject(SourcePosition position)
        : base(position)
    {
    }

    /// <summary>Gets the fields, in the order they were first defined.</summary>
    public OrderedDictionary<string, RawValue> Fields { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override bool HasSubstitutions => Fields.Values.Any(v => v.HasSubstitutions);
}
