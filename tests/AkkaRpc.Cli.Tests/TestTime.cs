using System.Globalization;

namespace AkkaRpc.Cli.Tests;

/// <summary>Test timeouts are ceilings, scaled by AKKARPC_TEST_TIME_FACTOR on slow machines (CI sets 2).</summary>
internal static class TestTime
{
    public static double Factor { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("AKKARPC_TEST_TIME_FACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) && factor > 0
            ? factor
            : 1;

    public static TimeSpan Ceiling(TimeSpan unscaled) => unscaled * Factor;
}
