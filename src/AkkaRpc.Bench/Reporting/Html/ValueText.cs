using System.Globalization;

namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Prints axis values short and readable: tick labels, value labels and tooltips.</summary>
internal static class ValueText
{
    private static readonly string[] s_binaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>The value alone, as <paramref name="format"/> prints it ("12,500", "0.25", "64 KiB").</summary>
    public static string Format(double value, ValueFormat format) => format switch
    {
        ValueFormat.Bytes => FormatBytes(value),
        _ => FormatNumber(value),
    };

    /// <summary>The value with the axis's unit, as tooltips show it ("38.2 µs", "64 KiB", "1.5 MiB/s").</summary>
    public static string FormatWithUnit(double value, ChartAxis axis)
    {
        if (axis.Format == ValueFormat.Bytes)
        {
            return TickLabel(value, axis);
        }

        string text = Format(value, axis.Format);
        return axis.Unit.Length == 0 ? text : text + " " + axis.Unit;
    }

    /// <summary>A tick label: the value alone, except that a byte rate keeps its "/s" ("64 KiB/s").</summary>
    public static string TickLabel(double value, ChartAxis axis)
    {
        string text = Format(value, axis.Format);
        if (axis.Format != ValueFormat.Bytes)
        {
            return text;
        }

        // Bytes carry their own unit, so "bytes" or "B" would repeat it; only a per-something part ("bytes/s") adds to it.
        int slash = axis.Unit.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? text : text + axis.Unit[slash..];
    }

    /// <summary>The axis title: its label with the unit in brackets when there is one.</summary>
    public static string AxisTitle(ChartAxis axis) => axis.Unit.Length == 0 ? axis.Label : $"{axis.Label} ({axis.Unit})";

    /// <summary>A decimal number with at most three significant digits after the integer part's thousands.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        double magnitude = Math.Abs(value);
        string text = magnitude switch
        {
            0 => "0",
            >= 100 => value.ToString("#,##0", CultureInfo.InvariantCulture),
            >= 10 => value.ToString("#,##0.#", CultureInfo.InvariantCulture),
            >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
            >= 0.001 => value.ToString("0.###", CultureInfo.InvariantCulture),
            _ => value.ToString("0.##E+0", CultureInfo.InvariantCulture),
        };
        // Rounding can turn -0.0001 into "-0"; a minus sign on zero only confuses.
        return text == "-0" ? "0" : text;
    }

    /// <summary>A byte count in binary units with up to three significant digits ("512 B", "1.5 KiB", "64 KiB").</summary>
    public static string FormatBytes(double bytes)
    {
        if (!double.IsFinite(bytes))
        {
            return FormatNumber(bytes);
        }

        double magnitude = Math.Abs(bytes);
        int unit = 0;
        // 1023.9 KiB would print as "1024 KiB"; move up a unit when rounding would reach it.
        while (unit < s_binaryUnits.Length - 1 && magnitude >= 1023.5)
        {
            magnitude /= 1024;
            unit++;
        }

        double scaled = Math.CopySign(magnitude, bytes);
        string number = unit == 0
            ? scaled.ToString("0", CultureInfo.InvariantCulture)
            : scaled.ToString(magnitude < 10 ? "0.##" : magnitude < 100 ? "0.#" : "0", CultureInfo.InvariantCulture);
        return number + " " + s_binaryUnits[unit];
    }
}
