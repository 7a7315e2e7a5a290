namespace AkkaRpc.Config;

/// <summary>Reads HOCON durations such as <c>250ms</c>, <c>10s</c>, <c>2m</c>, <c>1.5h</c>, <c>1d</c> or <c>10 seconds</c>.</summary>
/// <remarks>
/// Units follow the HOCON specification: <c>ns</c>, <c>us</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> and
/// their long forms (<c>nanosecond(s)</c>, <c>nano(s)</c>, <c>microsecond(s)</c>, <c>micro(s)</c>, <c>millisecond(s)</c>,
/// <c>milli(s)</c>, <c>second(s)</c>, <c>minute(s)</c>, <c>hour(s)</c>, <c>day(s)</c>). A bare number is milliseconds.
/// Precision is that of <see cref="TimeSpan"/> (100 ns); finer values round to the nearest tick.
/// </remarks>
public static class HoconDurations
{
    private static readonly Dictionary<string, decimal> TicksPerUnit = Build();

    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text, such as <c>10s</c>.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">The text is not a number with a known duration unit, or is out of range.</exception>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out TimeSpan value)
            ? value
            : throw new FormatException($"'{text}' is not a duration; write a number and a unit such as 250ms, 10s, 2m, 1h, 1d or '10 seconds'.");

    /// <summary>Tries to parse a duration.</summary>
    /// <param name="text">The text, such as <c>10s</c>.</param>
    /// <param name="value">The duration, when the text is one.</param>
    /// <returns>Whether the text is a valid duration.</returns>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (!UnitNumber.TrySplit(text, out decimal number, out string unit)
            || !TicksPerUnit.TryGetValue(unit, out decimal ticksPerUnit))
        {
            return false;
        }

        decimal ticks = Math.Round(number * ticksPerUnit, MidpointRounding.AwayFromZero);
        if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    private static Dictionary<string, decimal> Build()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (string name in names)
            {
                units[name] = ticks;
            }
        }

        Add(TimeSpan.TicksPerMillisecond, string.Empty);
        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(TimeSpan.TicksPerMicrosecond, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }
}
