using System.Globalization;
using AkkaRpc.Protocol;

namespace AkkaRpc.Data;

/// <summary>
/// Turns a parameter's CLR value into the SQLite value Microsoft.Data.Sqlite would bind for it, so that a program
/// moved from a local file to AkkaRpc stores the same bytes: integers, enums and bool as INTEGER; double and float as
/// REAL (NaN refused); decimal, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Guid (upper case) and char as
/// TEXT in its formats; byte[] as BLOB. A storage type asked for changes some of these as it does there: REAL stores
/// dates, times and spans as Julian days or days, BLOB stores a Guid's 16 bytes, INTEGER stores a char's code.
/// </summary>
internal static class ValueBinder
{
    public static SqlValue Bind(object value, SqlValueKind? storage, int? size)
    {
        var type = value.GetType();
        type = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
        return value switch
        {
            DBNull => SqlValue.Null,
            string s => SqlValue.FromText(size is > 0 && s.Length > size ? s[..size.Value] : s),
            byte[] b => SqlValue.FromBlob(size is > 0 && b.Length > size ? b[..size.Value] : b),
            bool b => SqlValue.FromInteger(b ? 1 : 0),
            double d => Real(d),
            float f => Real(f),
            decimal m => SqlValue.FromText(m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            char c => storage == SqlValueKind.Integer ? SqlValue.FromInteger(c) : SqlValue.FromText(new string(c, 1)),
            Guid g => storage == SqlValueKind.Blob ? SqlValue.FromBlob(g.ToByteArray()) : SqlValue.FromText(g.ToString().ToUpperInvariant()),
            DateTime t => storage == SqlValueKind.Real
                ? Real(JulianDay(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, t.Millisecond))
                : SqlValue.FromText(t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateTimeOffset t => storage == SqlValueKind.Real
                ? Real(JulianDay(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, t.Millisecond))
                : SqlValue.FromText(t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            DateOnly d => storage == SqlValueKind.Real
                ? Real(JulianDay(d.Year, d.Month, d.Day, 0, 0, 0, 0))
                : SqlValue.FromText(d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            TimeOnly t => storage == SqlValueKind.Real
                ? Real(DayFraction(t.Hour, t.Minute, t.Second, t.Millisecond))
                : SqlValue.FromText(t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.fffffff", CultureInfo.InvariantCulture)),
            TimeSpan s => storage == SqlValueKind.Real ? Real(s.TotalDays) : SqlValue.FromText(s.ToString("c", CultureInfo.InvariantCulture)),
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte)
                || type == typeof(uint) || type == typeof(ushort) => SqlValue.FromInteger(Convert.ToInt64(value, CultureInfo.InvariantCulture)),

            // As Microsoft.Data.Sqlite does, a ulong above long.MaxValue wraps to a negative integer.
            _ when type == typeof(ulong) => SqlValue.FromInteger(unchecked((long)Convert.ToUInt64(value, CultureInfo.InvariantCulture))),
            _ => throw new InvalidOperationException($"No mapping exists from object type {type.FullName} to a known managed provider native type."),
        };
    }

    private static SqlValue Real(double value) => double.IsNaN(value)
        ? throw new InvalidOperationException("Cannot store 'NaN' values.")
        : SqlValue.FromReal(value);

    // SQLite's computeJD, as Microsoft.Data.Sqlite computes it, so both store the same REAL for the same date.
    private static double JulianDay(int year, int month, int day, int hour, int minute, int second, int millisecond)
    {
        if (month <= 2)
        {
            year--;
            month += 12;
        }

        var a = year / 100;
        var b = 2 - a + (a / 4);
        var x1 = 36525 * (year + 4716) / 100;
        var x2 = 306001 * (month + 1) / 10000;
        var jd = (long)((x1 + x2 + day + b - 1524.5) * 86400000);
        jd += (hour * 3600000) + (minute * 60000) + (long)((second + (millisecond / 1000.0)) * 1000);
        return jd / 86400000.0;
    }

    private static double DayFraction(int hour, int minute, int second, int millisecond) =>
        ((hour * 3600000) + (minute * 60000) + (long)((second + (millisecond / 1000.0)) * 1000)) / 86400000.0;
}
