namespace AkkaRpc.Config;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, resolved against the whole merged document.</summary>
internal sealed class RawSubstitution : RawValue
{
    public RawSubstitution(SourcePosition position, string[] path, bool optional, string[]? fallbackPath = null)
        : base(position)
    {
        Path = path;
        Optional = optional;
        FallbackPath = fallbackPath;
    }

    /// <summary>Gets the keys of the path, from the root.</summary>
    public string[] Path { get; }

    /// <summary>Gets the path as written in an included file, tried when <see cref="Path"/> (fixed up to the include point) is not found.</summary>
    public string[]? FallbackPath { get; }

    /// <summary>Gets whether the substitution may resolve to nothing (<c>${?path}</c>).</summary>
    public bool Optional { get; }

    /// <inheritdoc/>
    public override bool HasSubstitutions => true;

    /// <summary>Renders the substitution as it would be written.</summary>
    public override string ToString() => $"${{{(Optional ? "?" : "")}{HoconPath.Render(FallbackPath ?? Path)}}}";
}
