namespace AkkaRpc.Config;

/// <summary>Values written next to each other on one line (<c>foo bar</c>, <c>${a}"/x"</c>, <c>[1] [2]</c>).</summary>
internal sealed class RawConcatenation : RawValue
{
    public RawConcatenation(SourcePosition position, List<RawValue> parts)
        : base(position) => Parts = parts;

    /// <summary>Gets the parts, including whitespace scalars between them.</summary>
    public List<RawValue> Parts { get; }

    /// <inheritdoc/>
    public override bool HasSubstitutions => Parts.Any(p => p.HasSubstitutions);
}
