using System.Diagnostics;

namespace AkkaRpc.Cli.Benchmarking;

/// <summary>The round of every one-at-a-time latency scenario: time each operation until the budget's count or deadline.</summary>
internal static class LatencyLoop
{
    /// <summary>Runs <paramref name="operation"/> sequentially within <paramref name="budget"/>, recording each one's latency.</summary>
    public static async Task<RoundSample> RunAsync(RunBudget budget, Func<CancellationToken, ValueTask> operation, CancellationToken cancellationToken)
    {
        var histogram = new LatencyHistogram();
        long start = Stopwatch.GetTimestamp();
        long deadline = budget.DeadlineFrom(start);
        long now = start;
        long done = 0;
        while (done < budget.MaxOperations && now < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long sent = now;
            await operation(cancellationToken);
            now = Stopwatch.GetTimestamp();
            histogram.RecordElapsed(sent, now);
            done++;
        }

        return new RoundSample(done, StopwatchNanoseconds.Between(start, now), histogram);
    }
}
