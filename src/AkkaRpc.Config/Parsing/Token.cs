namespace AkkaRpc.Config;

/// <summary>One token of HOCON text.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The unescaped string for strings, the path expression for substitutions, the source text otherwise.</param>
/// <param name="Position">Where the token starts.</param>
/// <param name="Optional">For a substitution, whether it was written <c>${?...}</c>.</param>
internal readonly record struct Token(TokenKind Kind, string Text, SourcePosition Position, bool Optional = false)
{
    /// <summary>Describes the token for an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Newline => "end of line",
        TokenKind.Whitespace => "whitespace",
        TokenKind.QuotedString => $"string \"{Text}\"",
        TokenKind.UnquotedString => $"'{Text}'",
        TokenKind.Substitution => $"substitution ${{{(Optional ? "?" : "")}{Text}}}",
        _ => $"'{Text}'",
    };
}
