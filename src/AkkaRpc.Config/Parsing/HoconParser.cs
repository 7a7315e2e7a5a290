using System.Text;

namespace AkkaRpc.Config;

/// <summary>A recursive-descent parser from HOCON tokens to the unresolved <see cref="RawObject"/> tree.</summary>
/// <remarks>
/// Duplicate keys are merged as they are met (see <see cref="RawAssigner"/>); substitutions stay in the
/// tree and are resolved afterwards by <see cref="HoconResolver"/> against the whole merged document.
/// </remarks>
internal sealed partial class HoconParser
{
    private readonly List<Token> _tokens;
    private readonly string? _file;
    private readonly HoconLoadContext _context;
    private int _index;

    private HoconParser(List<Token> tokens, string? file, HoconLoadContext context)
    {
        _tokens = tokens;
        _file = file;
        _context = context;
    }

    private Token Current => _tokens[_index];

    /// <summary>Parses one document (a file or a string) into its root object.</summary>
    /// <exception cref="HoconException">The text is not valid HOCON, or an include fails.</exception>
    public static RawObject Parse(string text, string? file, HoconLoadContext context)
    {
        var parser = new HoconParser(HoconTokenizer.Tokenize(text, file), file, context);
        return parser.ParseRoot();
    }

    private RawObject ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        var root = new RawObject(Current.Position);
        if (Current.Kind == TokenKind.LeftBrace)
        {
            Token open = Advance();
            ParseObjectBody(root, [], open);
            SkipWhitespaceAndNewlines();
            if (Current.Kind != TokenKind.End)
            {
                throw Error(Current, $"expected end of input after the root object, found {Current.Describe()}");
            }
        }
        else if (Current.Kind == TokenKind.LeftBracket)
        {
            throw Error(Current, "the root of a HOCON document must be an object, not an array");
        }
        else
        {
            ParseObjectBody(root, [], null);
        }

        return root;
    }

    /// <summary>Parses fields into <paramref name="target"/> up to the closing brace, or the end for a root without braces.</summary>
    /// <param name="target">The object receiving the fields.</param>
    /// <param name="path">The object's path from the root, or <see langword="null"/> inside an array, where it has none.</param>
    /// <param name="open">The opening brace, or <see langword="null"/> for a root without braces.</param>
    private void ParseObjectBody(RawObject target, string[]? path, Token? open)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            Token token = Current;
            switch (token.Kind)
            {
                case TokenKind.End when open is { } brace:
                    throw Error(brace, "unclosed '{': the end of input came before the matching '}'");
                case TokenKind.End:
                    return;
                case TokenKind.RightBrace when open is not null:
                    Advance();
                    return;
                case TokenKind.RightBrace:
                    throw Error(token, "unexpected '}' with no matching '{'");
                case TokenKind.Comma:
                    throw Error(token, "unexpected ',': expected a key");
            }

            if (IsIncludeStatement())
            {
                ParseInclude(target, path);
            }
            else
            {
                ParseField(target, path);
            }

            SkipInlineWhitespace();
            switch (Current.Kind)
            {
                case TokenKind.Comma:
                    Advance();
                    break;
                case TokenKind.Newline or TokenKind.RightBrace or TokenKind.End:
                    break;
                default:
                    throw Error(Current, $"expected ',' or a new line after a field, found {Current.Describe()}");
            }
        }
    }

    private void ParseField(RawObject target, string[]? path)
    {
        Token keyStart = Current;
        string[] key = ParseKey();
        SkipInlineWhitespace();
        Token separator = Current;
        bool append = false;
        string[]? fieldPath = path is null ? null : [.. path, .. key];
        switch (separator.Kind)
        {
            case TokenKind.LeftBrace:
                break;
            case TokenKind.Separator:
                Advance();
                SkipWhitespaceAndNewlines();
                break;
            case TokenKind.PlusEquals:
                Advance();
                SkipWhitespaceAndNewlines();
                append = true;
                break;
            default:
                throw Error(separator, $"expected ':', '=', '+=' or '{{' after key '{HoconPath.Render(key)}', found {separator.Describe()}");
        }

        RawValue value = ParseValue(fieldPath);
        RawAssigner.Assign(target, path, key, value, append, keyStart.Position);
    }

    /// <summary>Reads a key: unquoted parts split on dots, quoted parts never do, inner whitespace is kept.</summary>
    private string[] ParseKey()
    {
        Token first = Current;
        var keys = new List<string>();
        var current = new StringBuilder();
        bool hasContent = false;
        var pendingWhitespace = new StringBuilder();
        while (Current.Kind is TokenKind.UnquotedString or TokenKind.QuotedString or TokenKind.Whitespace)
        {
            Token token = Advance();
            if (token.Kind == TokenKind.Whitespace)
            {
                // Whitespace between key parts belongs to the key; whitespace before the separator does not.
                pendingWhitespace.Append(token.Text);
                continue;
            }

            if (hasContent)
            {
                current.Append(pendingWhitespace);
            }

            pendingWhitespace.Clear();
            if (token.Kind == TokenKind.QuotedString)
            {
                current.Append(token.Text);
                hasContent = true;
                continue;
            }

            string[] pieces = token.Text.Split('.');
            for (int i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    if (!hasContent)
                    {
                        throw Error(token, $"key '{token.Text}' has an empty part between dots; quote it (\"\") if an empty key is meant");
                    }

                    keys.Add(current.ToString());
                    current.Clear();
                    hasContent = false;
                }

                current.Append(pieces[i]);
                hasContent |= pieces[i].Length > 0;
            }
        }

        if (keys.Count == 0 && !hasContent && current.Length == 0)
        {
            throw Error(first, $"expected a key, found {first.Describe()}");
        }

        if (!hasContent)
        {
            throw Error(first, "a key must not end with '.'");
        }

        keys.Add(current.ToString());
        return [.. keys];
    }

    /// <summary>Reads a value, concatenating simple values, arrays or objects written next to each other on one line.</summary>
    private RawValue ParseValue(string[]? path)
    {
        Token start = Current;
        var parts = new List<RawValue>();
        while (true)
        {
            Token token = Current;
            switch (token.Kind)
            {
                case TokenKind.QuotedString:
                    Advance();
                    parts.Add(new RawScalar(token.Position, HoconValueType.String, token.Text));
                    continue;
                case TokenKind.UnquotedString:
                    Advance();
                    parts.Add(new RawScalar(token.Position, HoconValueType.String, token.Text));
                    continue;
                case TokenKind.Substitution:
                    Advance();
                    parts.Add(ParseSubstitution(token));
                    continue;
                case TokenKind.LeftBrace:
                    Advance();
                    var obj = new RawObject(token.Position);
                    ParseObjectBody(obj, path, token);
                    parts.Add(obj);
                    continue;
                case TokenKind.LeftBracket:
                    parts.Add(ParseArray());
                    continue;
                case TokenKind.Whitespace:
                    Advance();
                    if (parts.Count > 0)
                    {
                        parts.Add(new RawScalar(token.Position, HoconValueType.String, token.Text, isWhitespace: true));
                    }

                    continue;
            }

            break;
        }

        while (parts.Count > 0 && parts[^1] is RawScalar { IsWhitespace: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts.Count switch
        {
            0 => throw Error(Current, $"expected a value, found {Current.Describe()}"),
            1 when start.Kind == TokenKind.UnquotedString => Classify(start),
            1 => parts[0],
            _ => new RawConcatenation(start.Position, parts),
        };
    }

    /// <summary>A lone unquoted token is a boolean, null or number when it reads as one; otherwise a string.</summary>
    private static RawScalar Classify(Token token) => token.Text switch
    {
        "true" or "false" => new RawScalar(token.Position, HoconValueType.Boolean, token.Text),
        "null" => new RawScalar(token.Position, HoconValueType.Null, token.Text),
        _ when HoconScalar.IsNumber(token.Text) => new RawScalar(token.Position, HoconValueType.Number, token.Text),
        _ => new RawScalar(token.Position, HoconValueType.String, token.Text),
    };

    private RawSubstitution ParseSubstitution(Token token)
    {
        try
        {
            return new RawSubstitution(token.Position, HoconPath.Parse(token.Text), token.Optional);
        }
        catch (FormatException e)
        {
            throw Error(token, $"invalid substitution: {e.Message}");
        }
    }

    private RawArray ParseArray()
    {
        Token open = Advance();
        var elements = new List<RawValue>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            switch (Current.Kind)
            {
                case TokenKind.RightBracket:
                    Advance();
                    return new RawArray(open.Position, elements);
                case TokenKind.End:
                    throw Error(open, "unclosed '[': the end of input came before the matching ']'");
                case TokenKind.Comma:
                    throw Error(Current, "unexpected ',': expected an array element");
            }

            elements.Add(ParseValue(null));
            SkipInlineWhitespace();
            switch (Current.Kind)
            {
                case TokenKind.Comma:
                    Advance();
                    break;
                case TokenKind.Newline or TokenKind.RightBracket:
                    break;
                case TokenKind.End:
                    throw Error(open, "unclosed '[': the end of input came before the matching ']'");
                default:
                    throw Error(Current, $"expected ',' or ']' after an array element, found {Current.Describe()}");
            }
        }
    }

    private Token Advance()
    {
        Token token = _tokens[_index];
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private void SkipInlineWhitespace()
    {
        while (Current.Kind == TokenKind.Whitespace)
        {
            Advance();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Current.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Advance();
        }
    }

    private static HoconException Error(Token token, string message) => new(message, token.Position);
}
