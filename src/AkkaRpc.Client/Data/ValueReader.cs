using System.Globalization;
using System.Text;
using AkkaRpc.Protocol;

namespace AkkaRpc.Data;

/// <summary>
/// Reads a SQLite value as a CLR type the way Microsoft.Data.Sqlite's reader does, including SQLite's own conversions
/// between storage classes (an integer read as text, text read as a number), so a program gets the same values, and
/// the same exceptions, from AkkaRpc as from a local file.
/// </summary>
internal static class ValueReader
{
    public static InvalidOperationException OnNull(int ordinal) =>
        new($"The data is NULL at ordinal {ordinal}. This method can't be called on NULL values. Check using IsDBNull before calling.");

    /// <summary>sqlite3_column_int64: reals truncate toward zero (saturating), text and blobs parse their leading integer.</summary>
    public static long Int64(SqlValue value, int ordinal) => value.Kind switch
    {
        SqlValueKind.Integer => value.AsInteger(),
        SqlValueKind.Real => RealToInt64(value.AsReal()),
        SqlValueKind.Text => TextToInt64(value.AsText()),
        SqlValueKind.Blob => TextToInt64(Encoding.UTF8.GetString(value.AsBlob().Span)),
        _ => throw OnNull(ordinal),
    };

    /// <summary>sqlite3_column_double: text and blobs parse their leading number, or give 0.</summary>
    public static double Double(SqlValue value, int ordinal) => value.Kind switch
    {
        SqlValueKind.Integer => value.AsInteger(),
        SqlValueKind.Real => value.AsReal(),
        SqlValueKind.Text => TextToDouble(value.AsText()),
        SqlValueKind.Blob => TextToDouble(Encoding.UTF8.GetString(value.AsBlob().Span)),
        _ => throw OnNull(ordinal),
    };

    /// <summary>sqlite3_column_text: numbers in SQLite's text form, blobs as UTF-8.</summary>
    public static string String(SqlValue value, int ordinal) => value.Kind switch
    {
        SqlValueKind.Text => value.AsText(),
        SqlValueKind.Integer => value.AsInteger().ToString(CultureInfo.InvariantCulture),
        SqlValueKind.Real => RealToText(value.AsReal()),
        SqlValueKind.Blob => Encoding.UTF8.GetString(value.AsBlob().Span),
        _ => throw OnNull(ordinal),
    };

    /// <summary>sqlite3_column_blob: a blob's bytes, or the UTF-8 of the value's text form.</summary>
    public static ReadOnlyMemory<byte> Blob(SqlValue value, int ordinal) => value.Kind == SqlValueKind.Blob
        ? value.AsBlob()
        : Encoding.UTF8.GetBytes(String(value, ordinal));

    public static char Char(SqlValue value, int ordinal) =>
        value.Kind == SqlValueKind.Text && value.AsText() is { Length: 1 } text ? text[0] : checked((char)Int64(value, ordinal));

    public static DateTime DateTime(SqlValue value, int ordinal) => value.Kind is SqlValueKind.Integer or SqlValueKind.Real
        ? FromJulianDay(Double(value, ordinal))
        : global::System.DateTime.Parse(String(value, ordinal), CultureInfo.InvariantCulture);

    public static DateTimeOffset DateTimeOffset(SqlValue value, int ordinal) => value.Kind is SqlValueKind.Integer or SqlValueKind.Real
        ? new DateTimeOffset(FromJulianDay(Double(value, ordinal)))
        : global::System.DateTimeOffset.Parse(String(value, ordinal), CultureInfo.InvariantCulture);

    public static DateOnly DateOnly(SqlValue value, int ordinal) => value.Kind is SqlValueKind.Integer or SqlValueKind.Real
        ? global::System.DateOnly.FromDateTime(FromJulianDay(Double(value, ordinal)))
        : global::System.DateOnly.Parse(String(value, ordinal), CultureInfo.InvariantCulture);

    public static TimeOnly TimeOnly(SqlValue value, int ordinal) => global::System.TimeOnly.Parse(String(value, ordinal), CultureInfo.InvariantCulture);

    public static TimeSpan TimeSpan(SqlValue value, int ordinal) => value.Kind is SqlValueKind.Integer or SqlValueKind.Real
        ? global::System.TimeSpan.FromDays(Double(value, ordinal))
        : global::System.TimeSpan.Parse(String(value, ordinal), CultureInfo.InvariantCulture);

    public static decimal Decimal(SqlValue value, int ordinal) =>
        decimal.Parse(String(value, ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    public static Guid Guid(SqlValue value, int ordinal)
    {
        if (value.Kind == SqlValueKind.Blob)
        {
            var bytes = value.AsBlob().Span;
            return bytes.Length == 16 ? new Guid(bytes) : new Guid(Encoding.UTF8.GetString(bytes));
        }

        return new Guid(String(value, ordinal));
    }

    /// <summary>The CLR type a value of <paramref name="kind"/> reads as by default.</summary>
    public static Type TypeOf(SqlValueKind kind) => kind switch
    {
        SqlValueKind.Integer => typeof(long),
        SqlValueKind.Real => typeof(double),
        SqlValueKind.Text => typeof(string),
        _ => typeof(byte[]),
    };

    /// <summary>SQLite's column affinity rules for a declared type (numeric affinity reads as text, as Microsoft.Data.Sqlite has it).</summary>
    public static SqlValueKind Affinity(string declaredType)
    {
        bool Has(string part) => declaredType.Contains(part, StringComparison.OrdinalIgnoreCase);
        return Has("INT") ? SqlValueKind.Integer
            : Has("CHAR") || Has("CLOB") || Has("TEXT") ? SqlValueKind.Text
            : Has("BLOB") ? SqlValueKind.Blob
            : Has("REAL") || Has("FLOA") || Has("DOUB") ? SqlValueKind.Real
            : SqlValueKind.Text;
    }

    /// <summary>SQLite's text for a REAL: 15 significant digits (17 when 15 do not round-trip), always with a '.0' or exponent.</summary>
    public static string RealToText(double value)
    {
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Inf" : "-Inf";
        }

        var text = value.ToString("G15", CultureInfo.InvariantCulture);
        if (double.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        var exponent = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponent >= 0 ? text[..exponent] : text;
        if (!mantissa.Contains('.', StringComparison.Ordinal))
        {
            mantissa += ".0";
        }

        return exponent >= 0 ? mantissa + "e" + text[(exponent + 1)..] : mantissa;
    }

    private static long RealToInt64(double value) =>
        value <= long.MinValue ? long.MinValue : value >= long.MaxValue ? long.MaxValue : (long)value;

    private static long TextToInt64(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = span.Length > 0 && span[0] is '+' or '-' ? 1 : 0;
        while (end < span.Length && char.IsAsciiDigit(span[end]))
        {
            end++;
        }

        // A number that continues as a real ("1.5", "2e3") reads as that real, truncated, as SQLite does.
        if (end < span.Length && span[end] is '.' or 'e' or 'E')
        {
            return RealToInt64(TextToDouble(text));
        }

        return long.TryParse(span[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
            : end > 1 ? (span[0] == '-' ? long.MinValue : long.MaxValue)
            : 0;
    }

    private static double TextToDouble(string text)
    {
        var span = text.AsSpan().Trim();

        // The longest prefix that parses is the number; none gives 0.
        for (var end = span.Length; end > 0; end--)
        {
            if (double.TryParse(span[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                return d;
            }
        }

        return 0;
    }

    // SQLite's computeYMD/computeHMS for a Julian day number, so a REAL date reads as SQLite's date functions see it.
    private static DateTime FromJulianDay(double julianDay)
    {
        var ms = (long)((julianDay * 86400000.0) + 0.5);
        var z = (int)((ms + 43200000) / 86400000);
        var alpha = (int)((z - 1867216.25) / 36524.25);
        var a = z + 1 + alpha - (alpha / 4);
        var b = a + 1524;
        var c = (int)((b - 122.1) / 365.25);
        var d = 36525 * (c & 32767) / 100;
        var e = (int)((b - d) / 30.6001);
        var day = b - d - (int)(30.6001 * e);
        var month = e < 14 ? e - 1 : e - 13;
        var year = month > 2 ? c - 4716 : c - 4715;

        var msOfDay = (int)((ms + 43200000) % 86400000);
        var seconds = msOfDay / 1000.0;
        var whole = (int)seconds;
        var hour = whole / 3600;
        var minute = (whole - (hour * 3600)) / 60;
        var second = seconds - (hour * 3600) - (minute * 60);
        var wholeSecond = (int)second;
        var millisecond = (int)Math.Round((second - wholeSecond) * 1000.0);
        return new DateTime(year, month, day, hour, minute, wholeSecond, millisecond);
    }
}
