using System.Diagnostics;

namespace AkkaRpc.Bench.Metrics;

/// <summary>Converts <see cref="Stopwatch"/> timestamps to nanoseconds without going through <see cref="TimeSpan"/>'s 100 ns ticks.</summary>
internal static class StopwatchNanoseconds
{
    private static readonly double s_nanosecondsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;

    /// <summary>Returns the nanoseconds between two <see cref="Stopwatch.GetTimestamp"/> readings.</summary>
    public static long Between(long startTimestamp, long endTimestamp) =>
        Math.Max(0, (long)((endTimestamp - startTimestamp) * s_nanosecondsPerTick));

    /// <summary>Returns how many timestamp ticks make up <paramref name="duration"/>.</summary>
    public static long TicksIn(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);
}
