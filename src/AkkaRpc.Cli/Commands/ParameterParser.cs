using System.Globalization;
using AkkaRpc.Protocol;

namespace AkkaRpc.Cli.Commands;

/// <summary>Reads <c>--param name=value</c> and <c>--param name:type=value</c> into named SQL parameters.</summary>
internal static class ParameterParser
{
    /// <exception cref="ArgumentException">A parameter is malformed; the message shows the expected form.</exception>
    public static SqlParameters Parse(IReadOnlyList<string> items)
    {
        var named = new List<(string, SqlValue)>();
        foreach (var item in items)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var head = equals < 0 ? item : item[..equals];
            var text = equals < 0 ? null : item[(equals + 1)..];
            var colon = head.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? head : head[..colon]).TrimStart('$', ':', '@');
            var type = colon < 0 ? null : head[(colon + 1)..].ToLowerInvariant();
            if (name.Length == 0 || (text is null && type != "null"))
            {
                throw new ArgumentException($"--param '{item}' is not name=value or name:type=value (type int, real, text, blob or null).");
            }

            named.Add((name, Value(item, type, text)));
        }

        return named.Count == 0 ? SqlParameters.None : SqlParameters.Named(named);
    }

    private static SqlValue Value(string item, string? type, string? text) => type switch
    {
        null when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
        null when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        null => text,
        "int" or "integer" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : throw Bad(item, "an integer"),
        "real" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Bad(item, "a real number"),
        "text" => text,
        "blob" => Hex(item, text!),
        "null" => SqlValue.Null,
        _ => throw new ArgumentException($"--param '{item}': unknown type '{type}'; use int, real, text, blob or null."),
    };

    private static SqlValue Hex(string item, string text)
    {
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw Bad(item, "hex digits");
        }
    }

    private static ArgumentException Bad(string item, string what) => new($"--param '{item}': the value is not {what}.");
}
