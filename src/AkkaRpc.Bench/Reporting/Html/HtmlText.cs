using System.Text;

namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Makes arbitrary text safe inside HTML and SVG element content and quoted attribute values.</summary>
internal static class HtmlText
{
    /// <summary>Escapes the five markup characters and replaces control characters that HTML does not allow.</summary>
    /// <remarks>
    /// Names in a report come from users (database names, command lines), so every one goes through here:
    /// a "&lt;script&gt;" in a series name must print, never run. Quotes are escaped too so the same text is
    /// safe in attribute values.
    /// </remarks>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = IndexOfSpecial(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    // C0 controls other than tab, newline and carriage return are parse errors in HTML.
                    builder.Append(IsForbiddenControl(c) ? '\uFFFD' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static int IndexOfSpecial(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '&' or '<' or '>' or '"' or '\'' || IsForbiddenControl(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsForbiddenControl(char c) => c < ' ' && c is not ('\t' or '\n' or '\r');
}
