using System.Text;

namespace AkkaRpc.Config;

/// <summary>The <c>include</c> statement: <c>include "f"</c>, <c>include file("f")</c>, <c>include required("f")</c>, <c>include required(file("f"))</c>.</summary>
internal sealed partial class HoconParser
{
    /// <summary>An unquoted <c>include</c> followed by a string or <c>required(</c>/<c>file(</c> is an include; otherwise it is a key.</summary>
    /// <remarks>The specification allows any whitespace, newlines included, between <c>include</c> and its argument.</remarks>
    private bool IsIncludeStatement()
    {
        if (Current is not { Kind: TokenKind.UnquotedString, Text: "include" }
            || _tokens[_index + 1].Kind is not (TokenKind.Whitespace or TokenKind.Newline))
        {
            return false;
        }

        int next = _index + 1;
        while (_tokens[next].Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            next++;
        }

        Token argument = _tokens[next];
        return argument.Kind == TokenKind.QuotedString
            || (argument.Kind == TokenKind.UnquotedString && argument.Text.Contains('(', StringComparison.Ordinal));
    }

    private void ParseInclude(RawObject target, string[]? path)
    {
        Token include = Advance();
        SkipWhitespaceAndNewlines();

        // '(' and ')' are legal in unquoted text, so "required(file(" arrives as one unquoted token.
        var opener = new StringBuilder();
        while (Current.Kind is TokenKind.UnquotedString or TokenKind.Whitespace)
        {
            Token part = Advance();
            if (part.Kind == TokenKind.UnquotedString)
            {
                opener.Append(part.Text);
            }
        }

        if (Current.Kind != TokenKind.QuotedString)
        {
            throw Error(Current, $"expected a quoted file name after 'include', found {Current.Describe()}");
        }

        Token name = Advance();
        string kind = opener.ToString();
        bool required = kind switch
        {
            "" or "file(" => false,
            "required(" or "required(file(" => true,
            _ when kind.Contains("url(", StringComparison.Ordinal) || kind.Contains("classpath(", StringComparison.Ordinal) =>
                throw Error(include, "only file includes are supported, not url() or classpath()"),
            _ => throw Error(include, $"expected include \"f\", file(\"f\"), required(\"f\") or required(file(\"f\")), found '{kind}'"),
        };

        var closer = new StringBuilder();
        while (Current.Kind is TokenKind.UnquotedString or TokenKind.Whitespace)
        {
            Token part = Advance();
            if (part.Kind == TokenKind.UnquotedString)
            {
                closer.Append(part.Text);
            }
        }

        string expectedCloser = new(')', kind.Count(c => c == '('));
        if (closer.ToString() != expectedCloser)
        {
            throw Error(include, $"unbalanced parentheses in include: expected '{expectedCloser}' after the file name");
        }

        string? file = FindIncludedFile(name.Text);
        if (file is null)
        {
            if (required)
            {
                throw Error(name, $"required include \"{name.Text}\" was not found (looked in '{IncludeDirectory}')");
            }

            // The specification says a missing include that is not required is silently ignored.
            return;
        }

        if (_context.IncludeChain.Contains(file))
        {
            string chain = string.Join(" -> ", _context.IncludeChain.Append(file).Select(Path.GetFileName));
            throw Error(include, $"include cycle: {chain}");
        }

        RawObject included;
        _context.IncludeChain.Add(file);
        _context.FilesRead.Add(file);
        try
        {
            included = Parse(File.ReadAllText(file), file, _context);
        }
        finally
        {
            _context.IncludeChain.RemoveAt(_context.IncludeChain.Count - 1);
        }

        if (path is { Length: > 0 })
        {
            RawRelativizer.Relativize(included, path);
        }

        RawAssigner.MergeInto(target, included, path);
    }

    private string IncludeDirectory =>
        _file is null ? _context.BaseDirectory : Path.GetDirectoryName(_file) ?? _context.BaseDirectory;

    /// <summary>Finds an included file relative to the including one; a name without extension also tries <c>.conf</c>.</summary>
    private string? FindIncludedFile(string name)
    {
        string full = Path.GetFullPath(Path.Combine(IncludeDirectory, name));
        if (File.Exists(full))
        {
            return full;
        }

        return !Path.HasExtension(full) && File.Exists(full + ".conf") ? full + ".conf" : null;
    }
}
