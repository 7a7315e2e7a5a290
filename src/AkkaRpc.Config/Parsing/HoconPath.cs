using System.Text;

namespace AkkaRpc.Config;

/// <summary>Parses HOCON path expressions such as <c>a.b.c</c> or <c>a."b.c"</c> into their keys.</summary>
internal static class HoconPath
{
    /// <summary>Splits a path expression into keys; dots inside quotes do not split.</summary>
    /// <exception cref="FormatException">The expression is empty, has an empty key, or an unterminated quote.</exception>
    public static string[] Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        string trimmed = expression.Trim();
        var keys = new List<string>();
        var current = new StringBuilder();
        bool currentHasContent = false;
        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (c == '"')
            {
                int close = i + 1;
                while (close < trimmed.Length && trimmed[close] != '"')
                {
                    if (trimmed[close] == '\\')
                    {
                        close++;
                    }

                    close++;
                }

                if (close >= trimmed.Length)
                {
                    throw new FormatException($"unterminated quote in path '{expression}'");
                }

                current.Append(trimmed.AsSpan(i + 1, close - i - 1).ToString().Replace("\\\"", "\"", StringComparison.Ordinal));
                currentHasContent = true;
                i = close;
            }
            else if (c == '.')
            {
                Finish(keys, current, currentHasContent, expression);
                currentHasContent = false;
            }
            else
            {
                current.Append(c);
                currentHasContent = true;
            }
        }

        Finish(keys, current, currentHasContent, expression);
        return [.. keys];
    }

    /// <summary>Renders keys back into a path expression, quoting keys that need it.</summary>
    public static string Render(IEnumerable<string> keys) =>
        string.Join('.', keys.Select(k =>
            k.Length == 0 || k.AsSpan().ContainsAny(".\"$ {}[]:=,+#") ? $"\"{k.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : k));

    private static void Finish(List<string> keys, StringBuilder current, bool hasContent, string expression)
    {
        if (!hasContent)
        {
            throw new FormatException($"path '{expression}' has an empty key; quote it (\"\") if an empty key is meant");
        }

        keys.Add(current.ToString());
        current.Clear();
    }
}
