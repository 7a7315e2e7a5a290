using System.Globalization;

namespace AkkaRpc.TestKit;

/// <summary>
/// The TestKit's default timeouts and the one time factor that scales them all, read once from the
/// <c>AKKARPC_TEST_TIME_FACTOR</c> environment variable (default 1) so a slow machine can stretch every ceiling.
/// </summary>
public static class TestKitSettings
{
    /// <summary>The environment variable that holds the time factor.</summary>
    public const string TimeFactorVariable = "AKKARPC_TEST_TIME_FACTOR";

    /// <summary>The factor every TestKit timeout is multiplied by (1 unless the variable says otherwise).</summary>
    public static double TimeFactor { get; } = ReadTimeFactor();

    /// <summary>How long <c>ExpectMsg</c> and friends wait by default (Akka's 3 s), before dilation.</summary>
    public static TimeSpan DefaultExpectTimeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>How long <c>ExpectNoMsg</c> waits by default (Akka's 100 ms), before dilation.</summary>
    public static TimeSpan DefaultNoMessageTimeout { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long <c>AwaitAssert</c> and <c>AwaitCondition</c> retry by default (3 s), before dilation.</summary>
    public static TimeSpan DefaultAwaitTimeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the TestKit waits for its actor system to terminate after a test, before dilation.</summary>
    public static TimeSpan ShutdownTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Scales <paramref name="duration"/> by <see cref="TimeFactor"/>; infinite stays infinite.</summary>
    public static TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));

    private static double ReadTimeFactor()
    {
        var text = Environment.GetEnvironmentVariable(TimeFactorVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        // A typo must not silently shrink every timeout, so a bad value fails loudly.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0 || double.IsInfinity(factor))
        {
            throw new InvalidOperationException($"{TimeFactorVariable}='{text}' is not a positive number.");
        }

        return factor;
    }
}
