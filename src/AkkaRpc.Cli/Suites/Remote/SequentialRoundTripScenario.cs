using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Suites.Remote;

/// <summary>Sequential round-trip latency over one connection: each request waits for the previous reply.</summary>
internal sealed class SequentialRoundTripScenario(IRemoteTarget target) : IBenchmarkScenario
{
    public string Name => $"sequential round trip ({target.Transport})";

    public string System => target.Name;

    public MetricKind Kind => MetricKind.Latency;

    public Task<RoundSample> RunAsync(RunBudget budget, CancellationToken cancellationToken) =>
        LatencyLoop.RunAsync(budget, ct => new ValueTask(target.RoundTripAsync(ct)), cancellationToken);
}
