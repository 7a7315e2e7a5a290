namespace AkkaRpc.Config;

/// <summary>Reads HOCON sizes in bytes such as <c>512</c>, <c>128KiB</c>, <c>16MiB</c>, <c>1GiB</c>, <c>10kB</c> or <c>1 MB</c>.</summary>
/// <remarks>
/// Units follow the HOCON specification. Powers of 1024: <c>K</c>/<c>k</c>/<c>Ki</c>/<c>KiB</c>/<c>kibibyte(s)</c>, and so on
/// through M, G, T, P, E. Powers of 1000: <c>kB</c>/<c>kilobyte(s)</c>, <c>MB</c>/<c>megabyte(s)</c>, <c>GB</c>, <c>TB</c>,
/// <c>PB</c>, <c>EB</c>. <c>B</c>, <c>b</c>, <c>byte(s)</c> or no unit mean bytes. Units are case-sensitive, as in the
/// specification (so <c>KB</c> is rejected as ambiguous). A fractional byte count is truncated.
/// </remarks>
public static class HoconSizes
{
    private static readonly Dictionary<string, decimal> BytesPerUnit = Build();

    /// <summary>Parses a size in bytes.</summary>
    /// <param name="text">The text, such as <c>16MiB</c>.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="FormatException">The text is not a non-negative number with a known size unit, or does not fit a <see cref="long"/>.</exception>
    public static long Parse(string text) =>
        TryParse(text, out long value)
            ? value
            : throw new FormatException($"'{text}' is not a size; write a number and a unit such as 512, 128KiB, 16MiB, 1GiB, 10kB or 1MB.");

    /// <summary>Tries to parse a size in bytes.</summary>
    /// <param name="text">The text, such as <c>16MiB</c>.</param>
    /// <param name="value">The number of bytes, when the text is a size.</param>
    /// <returns>Whether the text is a valid size.</returns>
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        if (!UnitNumber.TrySplit(text, out decimal number, out string unit)
            || number < 0
            || !BytesPerUnit.TryGetValue(unit, out decimal bytesPerUnit))
        {
            return false;
        }

        try
        {
            decimal bytes = decimal.Truncate(number * bytesPerUnit);
            if (bytes > long.MaxValue)
            {
                return false;
            }

            value = (long)bytes;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static Dictionary<string, decimal> Build()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal bytes, params string[] names)
        {
            foreach (string name in names)
            {
                units[name] = bytes;
            }
        }

        Add(1, string.Empty, "B", "b", "byte", "bytes");
        string[] binary = ["K", "M", "G", "T", "P", "E"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi"];
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa"];
        decimal power1024 = 1;
        decimal power1000 = 1;
        for (int i = 0; i < binary.Length; i++)
        {
            power1024 *= 1024;
            power1000 *= 1000;
            string upper = binary[i];
            string lower = upper.ToLowerInvariant();
            Add(power1024, upper, lower, upper + "i", upper + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes");
            Add(power1000, (i == 0 ? "k" : upper) + "B", decimalNames[i] + "byte", decimalNames[i] + "bytes");
        }

        return units;
    }
}
