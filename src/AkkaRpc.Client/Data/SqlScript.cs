using System.Collections.Concurrent;

namespace AkkaRpc.Data;

/// <summary>
/// A command text split into its statements, each with the parameters it names. The node runs one statement per
/// request and wants a value for exactly the parameters a statement declares, while ADO.NET (Microsoft.Data.Sqlite)
/// runs every statement of a command and ignores parameters a statement does not use: knowing both here lets the
/// provider do the same without a round trip to ask. SQLite's own tokenizer rules apply: strings, quoted identifiers
/// and comments hide <c>;</c> and parameter markers, and a trigger body's <c>;</c> does not end the statement.
/// </summary>
internal sealed class SqlScript
{
    // Parsed scripts by text: commands repeat (Dapper, loops), and parsing is the one per-call cost the node has not.
    private static readonly ConcurrentDictionary<string, SqlScript> s_cache = new(StringComparer.Ordinal);
    private const int CacheLimit = 1024;

    private SqlScript(IReadOnlyList<SqlStatement> statements) => Statements = statements;

    /// <summary>The statements, in order; none for a text of only whitespace and comments.</summary>
    public IReadOnlyList<SqlStatement> Statements { get; }

    /// <summary>Parses <paramref name="text"/> (cached by text).</summary>
    public static SqlScript Parse(string text)
    {
        if (s_cache.TryGetValue(text, out var script))
        {
            return script;
        }

        script = new SqlScript(Split(text));
        if (s_cache.Count >= CacheLimit)
        {
            s_cache.Clear(); // a bounded cache: commands built from ever-changing text must not grow it forever
        }

        s_cache[text] = script;
        return script;
    }

    private static List<SqlStatement> Split(string text)
    {
        var statements = new List<SqlStatement>();
        var start = 0;
        var parameters = new List<string>();
        var bare = false;
        var keywords = new List<string>(4);
        var returning = false;
        var writes = false;
        var caseDepth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '\'' or '"' or '`':
                    i = SkipQuoted(text, i, c);
                    continue;
                case '[':
                    i = SkipQuoted(text, i, ']');
                    continue;
                case '-' when At(text, i + 1) == '-':
                    i = text.IndexOf('\n', i) is var eol and >= 0 ? eol + 1 : text.Length;
                    continue;
                case '/' when At(text, i + 1) == '*':
                    i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : text.Length;
                    continue;
                case '?':
                {
                    var j = i + 1;
                    while (j < text.Length && char.IsAsciiDigit(text[j]))
                    {
                        j++;
                    }

                    if (j == i + 1)
                    {
                        bare = true;
                    }
                    else
                    {
                        AddOnce(parameters, text[i..j]);
                    }

                    i = j;
                    continue;
                }

                case ':' or '@' or '$':
                {
                    var j = i + 1;
                    while (j < text.Length && IsIdentifierChar(text[j]))
                    {
                        j++;
                    }

                    if (j > i + 1)
                    {
                        AddOnce(parameters, text[i..j]);
                    }

                    i = Math.Max(j, i + 1);
                    continue;
                }

                case ';' when !InTriggerBody(keywords):
                    Add(statements, text, start, i, parameters, bare, keywords, returning, writes);
                    (start, parameters, bare, keywords, returning, writes, caseDepth) = (i + 1, [], false, new List<string>(4), false, false, 0);
                    i++;
                    continue;
            }

            if (IsIdentifierStart(c))
            {
                var j = i + 1;
                while (j < text.Length && IsIdentifierChar(text[j]))
                {
                    j++;
                }

                var word = text[i..j].ToUpperInvariant();
                if (keywords.Count < 4)
                {
                    keywords.Add(word);
                }

                switch (word)
                {
                    case "RETURNING":
                        returning = true;
                        break;
                    case "INSERT" or "UPDATE" or "DELETE":
                        writes = true;
                        break;
                    case "REPLACE" when text.AsSpan(j).TrimStart() is not ['(', ..]: // not the replace() function
                        writes = true;
                        break;
                    case "CASE":
                        caseDepth++;
                        break;
                    case "END" when caseDepth > 0:
                        caseDepth--;
                        break;
                    case "END" when IsTrigger(keywords):
                        keywords.Add("END"); // closes the trigger body: the next ';' ends the statement
                        break;
                }

                i = j;
                continue;
            }

            i++;
        }

        Add(statements, text, start, text.Length, parameters, bare, keywords, returning, writes);
        return statements;
    }

    private static void Add(List<SqlStatement> statements, string text, int start, int end, List<string> parameters, bool bare, List<string> keywords, bool returning, bool writes)
    {
        if (keywords.Count == 0 && parameters.Count == 0 && !bare)
        {
            return; // only whitespace and comments: SQLite skips it too
        }

        var first = keywords.Count > 0 ? keywords[0] : "";
        // WITH starts a query, or a write whose common table expressions come first.
        var query = first is "SELECT" or "VALUES" or "PRAGMA" or "EXPLAIN" || (first == "WITH" && !writes);
        statements.Add(new SqlStatement(text[start..end].Trim(), parameters, bare, query || returning, !query));
    }

    // Inside CREATE TRIGGER ... BEGIN ... END, semicolons separate the body's statements, not the script's.
    private static bool InTriggerBody(List<string> keywords) =>
        IsTrigger(keywords) && keywords[^1] != "END";

    private static bool IsTrigger(List<string> keywords) =>
        keywords.Count >= 2 && keywords[0] == "CREATE" && (keywords[1] == "TRIGGER" || (keywords.Count >= 3 && keywords[1] is "TEMP" or "TEMPORARY" && keywords[2] == "TRIGGER"));

    private static void AddOnce(List<string> parameters, string name)
    {
        if (!parameters.Contains(name))
        {
            parameters.Add(name);
        }
    }

    private static int SkipQuoted(string text, int i, char close)
    {
        // A doubled closing quote is an escaped one; an unterminated literal runs to the end (SQLite reports the error).
        for (var j = i + 1; j < text.Length; j++)
        {
            if (text[j] == close)
            {
                if (close != ']' && At(text, j + 1) == close)
                {
                    j++;
                    continue;
                }

                return j + 1;
            }
        }

        return text.Length;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
}
