using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>Round-trip latency of one request at a time from a requester to a responder of a system.</summary>
internal sealed class RequestReplyLatencyScenario : IBenchmarkScenario
{
    private readonly IPingPongSystem _system;

    /// <summary>Initializes a scenario measuring round trips through <paramref name="system"/>.</summary>
    public RequestReplyLatencyScenario(IPingPongSystem system, string name)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string System => _system.Name;

    /// <inheritdoc />
    public MetricKind Kind => MetricKind.Latency;

    /// <inheritdoc />
    public async Task<RoundSample> RunAsync(RunBudget budget, CancellationToken cancellationToken)
    {
        await using IRequestReply requestReply = await _system.CreateRequestReplyAsync(cancellationToken);
        return await LatencyLoop.RunAsync(budget, requestReply.RoundTripAsync, cancellationToken);
    }
}
