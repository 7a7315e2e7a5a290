namespace AkkaRpc.Config;

/// <summary>The kinds of token the HOCON tokenizer produces.</summary>
internal enum TokenKind
{
    End,
    Newline,
    /// <summary>Spaces and tabs inside a line; they matter between simple values being concatenated.</summary>
    Whitespace,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    /// <summary><c>=</c> or <c>:</c>.</summary>
    Separator,
    PlusEquals,
    QuotedString,
    UnquotedString,
    Substitution,
}
