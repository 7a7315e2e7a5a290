using System.Diagnostics;
using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Suites.Remote;

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
