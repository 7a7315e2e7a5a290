using System.Globalization;

namespace AkkaRpc.Cli.Benchmarking;

/// <summary>Formats figures for people: three significant digits and a unit that keeps them readable.</summary>
internal static class Figures
{
    /// <summary>Formats a rate such as 12_345_678 as "12.3 M".</summary>
    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1e9 => Format(perSecond / 1e9, "G"),
        >= 1e6 => Format(perSecond / 1e6, "M"),
        >= 1e3 => Format(perSecond / 1e3, "k"),
        _ => Format(perSecond, string.Empty),
    };

    /// <summary>Formats nanoseconds with the unit that suits them: ns, µs, ms or s.</summary>
    public static string Duration(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => Format(nanoseconds / 1e9, "s"),
        >= 1e6 => Format(nanoseconds / 1e6, "ms"),
        >= 1e3 => Format(nanoseconds / 1e3, "µs"),
        _ => Format(nanoseconds, "ns"),
    };

    /// <summary>Formats a ratio as "0.42×".</summary>
    public static string Ratio(double? ratio) =>
        ratio is { } r ? r.ToString(r >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture) + "×" : "–";

    /// <summary>Formats a relative spread as "±3.1%".</summary>
    public static string Spread(double relative) =>
        "±" + (relative * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    /// <summary>Formats a count with thousands separators.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Format(double value, string unit)
    {
        string digits = value switch
        {
            >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
            >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
            _ => value.ToString("F2", CultureInfo.InvariantCulture),
        };
        return unit.Length == 0 ? digits : digits + " " + unit;
    }
}
