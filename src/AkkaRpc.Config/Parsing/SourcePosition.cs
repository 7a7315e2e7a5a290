namespace AkkaRpc.Config;

/// <summary>A place in HOCON source text: file (or none for a string), 1-based line and column.</summary>
internal readonly record struct SourcePosition(string? File, int Line, int Column)
{
    /// <summary>Formats as <c>file:line:column</c>, the way compilers name a place.</summary>
    public override string ToString() => $"{File ?? "<string>"}:{Line}:{Column}";
}
