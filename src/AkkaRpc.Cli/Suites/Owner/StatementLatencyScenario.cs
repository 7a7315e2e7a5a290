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
    public Task<RoundSample> RunAsync(RunBudget budget, CancellationToken cancellationToken) =>
        LatencyLoop.RunAsync(budget, RunOneAsync, cancellationToken);

    private ValueTask RunOneAsync(CancellationToken cancellationToken)
    {
        long n = Interlocked.Increment(ref _next);
        return insert
            ? target.InsertAsync(n, cancellationToken)
            : target.PointQueryAsync((n * 7919 % OwnerSchema.SeedRows) + 1, cancellationToken);
    }
}
