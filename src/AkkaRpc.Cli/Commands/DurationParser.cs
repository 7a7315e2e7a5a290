using System.Globalization;

namespace AkkaRpc.Cli.Commands;

/// <summary>Parses durations written the way people type them: <c>500ms</c>, <c>2s</c>, <c>1.5s</c>, <c>1m</c>.</summary>
internal static class DurationParser
{
    private static readonly (string Suffix, double Milliseconds)[] s_units =
    [
        ("ms", 1),
        ("s", 1_000),
        ("m", 60_000),
    ];

    /// <summary>Returns whether <paramref name="text"/> is a positive duration with a unit, and the duration.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string trimmed = text.Trim();
        foreach ((string suffix, double milliseconds) in s_units)
        {
            // "ms" is tried before "s" and "m", so "500ms" is never read as 500 minutes-and-garbage.
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed.AsSpan(0, trimmed.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                && value > 0
                && double.IsFinite(value))
            {
                duration = TimeSpan.FromMilliseconds(value * milliseconds);
                return true;
            }
        }

        return false;
    }
}
