using System.Diagnostics;
using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Suites.Remote;

/// <summary>Sequential round-trip latency over one connection: each request waits for the previous reply.</summary>
internal sealed class SequentialRoundTripScenario(IRemoteTarget target) : IBenchmarkScenario
{
    public string Name => $"sequential round trip ({target.Transport})";

    public string System => target.Name;

    public MetricKind Kind => MetricKind.Latency;

    public async Task<RoundSample> RunAsync(RunBudget budget, CancellationToken cancellationToken)
    {
        var histogram = new LatencyHistogram();
        long start = Stopwatch.GetTimestamp();
        long deadline = budget.DeadlineFrom(start);
        long now = start;
        long done = 0;
        while (done < budget.MaxOperations && now < deadline)
        {
            long sent = now;
            await target.RoundTripAsync(cancellationToken);
            now = Stopwatch.GetTimestamp();
            histogram.RecordElapsed(sent, now);
            done++;
        }

        return new RoundSample(done, StopwatchNanoseconds.Between(start, now), histogram);
    }
}

/// <summary>Throughput with <see cref="InFlight"/> requests outstanding on one connection.</summary>
internal sealed class PipelinedScenario(IRemoteTarget target) : IBenchmarkScenario
{
    public const int InFlight = 64;

    public string Name => $"pipelined, {InFlight} in flight ({target.Transport})";

    public string System => target.Name;

    public MetricKind Kind => MetricKind.Throughput;

    public async Task<RoundSample> RunAsync(RunBudget budget, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var done = await target.PipelineAsync(InFlight, budget.MaxOperations, budget.DeadlineFrom(start), cancellationToken);
        return new RoundSample(done, StopwatchNanoseconds.Between(start, Stopwatch.GetTimestamp()), null);
    }
}
