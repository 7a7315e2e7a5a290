namespace AkkaRpc.Config;

/// <summary>
/// Successive definitions of one key whose merge must wait for resolution, because at least one of
/// them is a substitution that may turn out to be an object (which merges) or anything else (which replaces).
/// </summary>
internal sealed class RawMerge : RawValue
{
    public RawMerge(SourcePosition position, List<RawValue> layers)
        : base(position) => Layers = layers;

    /// <summary>Gets the definitions, earliest first.</summary>
    public List<RawValue> Layers { get; }

    /// <inheritdoc/>
    public override bool HasSubstitutions => Layers.Any(p => p.HasSubstitutions);
}
