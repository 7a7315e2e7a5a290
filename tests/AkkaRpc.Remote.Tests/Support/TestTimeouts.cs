namespace AkkaRpc.Remote.Tests.Support;

/// <summary>Ceilings for waits in tests; never used to order events. Scale with AKKARPC_TEST_TIME_FACTOR on slow machines.</summary>
internal static class TestTimeouts
{
    private static readonly double Factor =
        double.TryParse(Environment.GetEnvironmentVariable("AKKARPC_TEST_TIME_FACTOR"), System.Globalization.CultureInfo.InvariantCulture, out double f) && f > 0 ? f : 1;

    public static TimeSpan Ceiling { get; } = TimeSpan.FromSeconds(20 * Factor);
}
