namespace AkkaRpc.Config;

/// <summary>A value as parsed, before substitutions are resolved; the parser's mutable working tree.</summary>
internal abstract class RawValue
{
    protected RawValue(SourcePosition position) => Position = position;

    /// <summary>Gets where the value starts in the source.</summary>
    public SourcePosition Position { get; }

    /// <summary>Gets whether resolving this value needs a substitution, so its final shape is not known yet.</summary>
    public abstract bool HasSubstitutions { get; }
}
