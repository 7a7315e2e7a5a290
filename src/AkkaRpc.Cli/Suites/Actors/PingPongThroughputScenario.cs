using System.Diagnostics;
using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>Messages per second through one or more ping-pong pairs of a system, all pairs at once.</summary>
internal sealed class PingPongThroughputScenario : IBenchmarkScenario
{
    private readonly IPingPongSystem _system;
    private readonly int _pairs;
    private readonly int _inFlight;

    /// <summary>Initializes a scenario running <paramref name="pairs"/> pairs with <paramref name="inFlight"/> messages each.</summary>
    public PingPongThroughputScenario(IPingPongSystem system, int pairs, int inFlight, string name)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        _system = system;
        _pairs = pairs;
        _inFlight = inFlight;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string System => _system.Name;

    /// <inheritdoc />
    public MetricKind Kind => MetricKind.Throughput;

    /// <inheritdoc />
    public async Task<RoundSample> RunAsync(RunBudget budget, CancellationToken cancellationToken)
    {
        var pairs = new IPingPongPair[_pairs];
        try
        {
            for (int i = 0; i < pairs.Length; i++)
            {
                pairs[i] = await _system.CreatePairAsync(_inFlight, cancellationToken);
            }

            long perPair = Math.Max(1, budget.MaxOperations / _pairs);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(budget.MaxDuration);

            long start = Stopwatch.GetTimestamp();
            var runs = new Task<long>[pairs.Length];
            for (int i = 0; i < pairs.Length; i++)
            {
                runs[i] = pairs[i].RunAsync(perPair, stop.Token);
            }

            long[] received = await Task.WhenAll(runs);
            long end = Stopwatch.GetTimestamp();

            cancellationToken.ThrowIfCancellationRequested();
            return new RoundSample(received.Sum(), StopwatchNanoseconds.Between(start, end), Latency: null);
        }
        finally
        {
            foreach (IPingPongPair? pair in pairs)
            {
                if (pair is not null)
                {
                    await pair.DisposeAsync();
                }
            }
        }
    }
}
