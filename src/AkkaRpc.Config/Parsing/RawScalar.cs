namespace AkkaRpc.Config;

/// <summary>A string, number, boolean or null as parsed, or the whitespace between concatenated values.</summary>
internal sealed class RawScalar : RawValue
{
    public RawScalar(SourcePosition position, HoconValueType kind, string text, bool isWhitespace = false)
        : base(position)
    {
        Kind = kind;
        Text = text;
        IsWhitespace = isWhitespace;
    }

    /// <summary>Gets the kind of scalar; whitespace is a <see cref="HoconValueType.String"/>.</summary>
    public HoconValueType Kind { get; }

    /// <summary>Gets the text as written (unescaped for quoted strings); <c>null</c> for the null value.</summary>
    public string Text { get; }

    /// <summary>Gets whether this is the whitespace between two values of a concatenation.</summary>
    /// <remarks>Whitespace counts between strings but is ignored between arrays or objects.</remarks>
    public bool IsWhitespace { get; }

    /// <inheritdoc/>
    public override bool HasSubstitutions => false;
}
