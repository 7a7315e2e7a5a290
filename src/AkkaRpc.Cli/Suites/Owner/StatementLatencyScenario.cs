using System.Diagnostics;
using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Suites.Owner;

/// <summary>Latency of one statement at a time against a target: a point query by primary key, or a single-row insert.</summary>
internal sealed class StatementLatencyScenario(IStatementTarget target, bool insert) : IBenchmarkScenario
{
    private long _next;

    /// <inheritdoc />
    public string Name => insert ? "single-row insert" : "point query by primary key";

    /// <inheritdoc />
    public string System => target.Name;

    /// <inheritdoc />
    public MetricKind Kind => MetricKind.Latency;

    /// <inheritdoc />
    public async Task<RoundSample> RunAsync(RunBudget budget, CancellationToken cancellationToken)
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
            long n = Interlocked.Increment(ref _next);
            if (insert)
            {
                await target.InsertAsync(n, cancellationToken);
            }
            else
            {
                await target.PointQueryAsync((n * 7919 % OwnerSchema.SeedRows) + 1, cancellationToken);
            }

            now = Stopwatch.GetTimestamp();
            histogram.RecordElapsed(sent, now);
            done++;
        }

        return new RoundSample(done, StopwatchNanoseconds.Between(start, now), histogram);
    }
}
