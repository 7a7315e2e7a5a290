namespace AkkaRpc.Cli.Benchmarking;

/// <summary>
/// The limits of one scenario round: it stops at whichever comes first, so every loop is bounded
/// both in count and in time.
/// </summary>
/// <param name="MaxOperations">Most operations (messages, round trips) the round may perform.</param>
/// <param name="MaxDuration">Longest the round may run.</param>
internal readonly record struct RunBudget(long MaxOperations, TimeSpan MaxDuration)
{
    /// <summary>Gets the <see cref="System.Diagnostics.Stopwatch"/> timestamp at which a round started at <paramref name="startTimestamp"/> must stop.</summary>
    public long DeadlineFrom(long startTimestamp) => startTimestamp + StopwatchNanoseconds.TicksIn(MaxDuration);
}
