using System.Text;

namespace AkkaRpc.Config;

/// <summary>Splits HOCON text into tokens, tracking the line and column of each.</summary>
/// <remarks>
/// Comments are dropped here, but the newline that ends a comment is kept because newlines separate
/// fields and array elements. Inline whitespace is kept as a token because HOCON preserves it between
/// simple values that are concatenated (<c>a = foo bar</c> is the string <c>"foo bar"</c>).
/// </remarks>
internal sealed class HoconTokenizer
{
    // Characters that end an unquoted string, from the HOCON specification.
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string? _file;
    private readonly List<Token> _tokens = [];
    private int _index;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string? file)
    {
        _text = text;
        _file = file;
    }

    private SourcePosition Position => new(_file, _line, _column);

    /// <summary>Tokenizes the whole text; the last token is always <see cref="TokenKind.End"/>.</summary>
    /// <exception cref="HoconException">The text contains a character or string that is not valid HOCON.</exception>
    public static List<Token> Tokenize(string text, string? file)
    {
        var tokenizer = new HoconTokenizer(text, file);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private void Run()
    {
        while (_index < _text.Length)
        {
            char c = _text[_index];
            SourcePosition start = Position;
            if (c == '\n')
            {
                Advance();
                Add(TokenKind.Newline, "\n", start);
            }
            else if (IsInlineWhitespace(c))
            {
                int from = _index;
                while (_index < _text.Length && IsInlineWhitespace(_text[_index]))
                {
                    Advance();
                }

                Add(TokenKind.Whitespace, _text[from.._index], start);
            }
            else if (c == '#' || (c == '/' && PeekAt(1) == '/'))
            {
                while (_index < _text.Length && _text[_index] != '\n')
                {
                    Advance();
                }
            }
            else
            {
                ReadPunctuationOrValue(c, start);
            }
        }

        Add(TokenKind.End, string.Empty, Position);
    }

    private void ReadPunctuationOrValue(char c, SourcePosition start)
    {
        switch (c)
        {
            case '{': Single(TokenKind.LeftBrace, start); break;
            case '}': Single(TokenKind.RightBrace, start); break;
            case '[': Single(TokenKind.LeftBracket, start); break;
            case ']': Single(TokenKind.RightBracket, start); break;
            case ',': Single(TokenKind.Comma, start); break;
            case '=' or ':': Single(TokenKind.Separator, start); break;
            case '+' when PeekAt(1) == '=':
                Advance();
                Advance();
                Add(TokenKind.PlusEquals, "+=", start);
                break;
            case '"' when PeekAt(1) == '"' && PeekAt(2) == '"':
                ReadTripleQuoted(start);
                break;
            case '"':
                ReadQuoted(start);
                break;
            case '$' when PeekAt(1) == '{':
                ReadSubstitution(start);
                break;
            default:
                if (Forbidden.Contains(c, StringComparison.Ordinal))
                {
                    throw new HoconException(
                        $"unexpected character '{c}'; put it inside a quoted string if it is part of a value",
                        start);
                }

                ReadUnquoted(start);
                break;
        }
    }

    private void Single(TokenKind kind, SourcePosition start)
    {
        Add(kind, _text[_index].ToString(), start);
        Advance();
    }

    private void ReadUnquoted(SourcePosition start)
    {
        int from = _index;
        while (_index < _text.Length)
        {
            char c = _text[_index];
            if (c == '\n' || IsInlineWhitespace(c) || (c == '/' && PeekAt(1) == '/'))
            {
                break;
            }

            // '+' is forbidden in unquoted text, except as the sign of an exponent in a number like 1e+5.
            bool exponentSign = c == '+' && _index > from && _text[_index - 1] is 'e' or 'E'
                && IsNumberPrefix(_text.AsSpan(from, _index - from - 1));
            if (Forbidden.Contains(c, StringComparison.Ordinal) && !exponentSign)
            {
                break;
            }

            Advance();
        }

        Add(TokenKind.UnquotedString, _text[from.._index], start);
    }

    private static bool IsNumberPrefix(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] == '-')
        {
            text = text[1..];
        }

        return text.Length > 0 && char.IsAsciiDigit(text[0]) && !text.ContainsAnyExcept("0123456789.");
    }

    private void ReadQuoted(SourcePosition start)
    {
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (_index >= _text.Length || _text[_index] == '\n')
            {
                throw new HoconException("unterminated string: missing closing '\"' before the end of the line", start);
            }

            char c = _text[_index];
            if (c == '"')
            {
                Advance();
                break;
            }

            if (c == '\\')
            {
                value.Append(ReadEscape());
            }
            else
            {
                value.Append(c);
                Advance();
            }
        }

        Add(TokenKind.QuotedString, value.ToString(), start);
    }

    private char ReadEscape()
    {
        SourcePosition at = Position;
        Advance();
        char e = PeekAt(0);
        Advance();
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_index + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_index, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out ushort code))
                {
                    for (int i = 0; i < 4; i++)
                    {
                        Advance();
                    }

                    return (char)code;
                }

                throw new HoconException("invalid \\u escape: expected four hexadecimal digits", at);
            default:
                throw new HoconException($"invalid escape '\\{e}' in quoted string", at);
        }
    }

    private void ReadTripleQuoted(SourcePosition start)
    {
        for (int i = 0; i < 3; i++)
        {
            Advance();
        }

        int from = _index;
        int close = _text.IndexOf("\"\"\"", _index, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new HoconException("unterminated multi-line string: missing closing '\"\"\"'", start);
        }

        // Quotes right before the closing three belong to the string ("""a"""" is a" plus the close).
        while (close + 3 < _text.Length && _text[close + 3] == '"')
        {
            close++;
        }

        while (_index < close)
        {
            Advance();
        }

        string value = _text[from..close];
        for (int i = 0; i < 3; i++)
        {
            Advance();
        }

        Add(TokenKind.QuotedString, value, start);
    }

    private void ReadSubstitution(SourcePosition start)
    {
        Advance();
        Advance();
        bool optional = false;
        if (PeekAt(0) == '?')
        {
            optional = true;
            Advance();
        }

        int from = _index;
        bool inQuotes = false;
        while (true)
        {
            if (_index >= _text.Length || _text[_index] == '\n')
            {
                throw new HoconException("unterminated substitution: missing closing '}'", start);
            }

            char c = _text[_index];
            if (c == '"' && (_index == from || _text[_index - 1] != '\\'))
            {
                inQuotes = !inQuotes;
            }
            else if (c == '}' && !inQuotes)
            {
                break;
            }

            Advance();
        }

        string expression = _text[from.._index];
        Advance();
        Add(TokenKind.Substitution, expression, start, optional);
    }

    private void Add(TokenKind kind, string text, SourcePosition start, bool optional = false) =>
        _tokens.Add(new Token(kind, text, start, optional));

    private char PeekAt(int offset) =>
        _index + offset < _text.Length ? _text[_index + offset] : '\0';

    private void Advance()
    {
        if (_index >= _text.Length)
        {
            return;
        }

        if (_text[_index] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _index++;
    }

    private static bool IsInlineWhitespace(char c) =>
        c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');
}
