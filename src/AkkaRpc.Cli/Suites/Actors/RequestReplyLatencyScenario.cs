using System.Diagnostics;
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
        var histogram = new LatencyHistogram();

        long start = Stopwatch.GetTimestamp();
        long deadline = budget.DeadlineFrom(start);
        long now = start;
        long done = 0;
        while (done < budget.MaxOperations && now < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long sent = now;
            await requestReply.RoundTripAsync(cancellationToken);
            now = Stopwatch.GetTimestamp();
            histogram.RecordElapsed(sent, now);
            done++;
        }

        return new RoundSample(done, StopwatchNanoseconds.Between(start, now), histogram);
    }
}
