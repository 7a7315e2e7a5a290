using System.Globalization;

namespace AkkaRpc.Config;

/// <summary>Splits text such as <c>1.5 GiB</c> or <c>250ms</c> into its number and its unit.</summary>
internal static class UnitNumber
{
    /// <summary>Reads a decimal number followed by an optional unit, with optional whitespace between.</summary>
    public static bool TrySplit(string? text, out decimal number, out string unit)
    {
        number = 0;
        unit = string.Empty;
        if (text is null)
        {
            return false;
        }

        ReadOnlySpan<char> span = text.AsSpan().Trim();
        int end = 0;
        if (end < span.Length && span[end] is '-' or '+')
        {
            end++;
        }

        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] == '.'))
        {
            end++;
        }

        if (!decimal.TryParse(span[..end], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        unit = span[end..].TrimStart().ToString();
        return unit.All(char.IsAsciiLetter);
    }
}
