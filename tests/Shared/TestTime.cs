using System.Globalization;

namespace AkkaRpc.Testing;

/// <summary>
/// The one time factor for every test ceiling, read from <c>AKKARPC_TEST_TIME_FACTOR</c> (default 1), so a slow
/// machine stretches every timeout at once. Akka.TestKit gets the same factor as <c>akka.test.timefactor</c>.
/// </summary>
internal static class TestTime
{
    /// <summary>The environment variable that holds the factor.</summary>
    public const string Variable = "AKKARPC_TEST_TIME_FACTOR";

    /// <summary>The factor (1 unless the variable says otherwise).</summary>
    public static double Factor { get; } = Read();

    /// <summary>Scales <paramref name="duration"/> by <see cref="Factor"/>; infinite stays infinite.</summary>
    public static TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * Factor));

    /// <summary>A dilated ceiling of <paramref name="seconds"/> seconds.</summary>
    public static TimeSpan Seconds(double seconds) => Dilated(TimeSpan.FromSeconds(seconds));

    private static double Read()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        // A typo must not silently shrink every timeout, so a bad value fails loudly.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0 || double.IsInfinity(factor))
        {
            throw new InvalidOperationException($"{Variable}='{text}' is not a positive number.");
        }

        return factor;
    }
}
