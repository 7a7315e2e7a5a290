namespace AkkaRpc.Config;

/// <summary>An array as parsed.</summary>
internal sealed class RawArray : RawValue
{
    public RawArray(SourcePosition position, List<RawValue> elements)
        : base(position) => Elements = elements;

    /// <summary>Gets the elements in order.</summary>
    public List<RawValue> Elements { get; }

    /// <inheritdoc/>
    public override bool HasSubstitutions => Elements.Any(v => v.HasSubstitutions);
}
