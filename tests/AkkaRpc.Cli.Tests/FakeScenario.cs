using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Tests;

/// <summary>A scenario that returns prepared samples in order and records when it ran.</summary>
internal sealed class FakeScenario : IBenchmarkScenario
{
    private readonly Queue<RoundSample> _samples;
    private readonly List<string> _log;

    public FakeScenario(string name, string system, MetricKind kind, List<string> log, params RoundSample[] samples)
    {
        Name = name;
        System = system;
        Kind = kind;
        _log = log;
        _samples = new Queue<RoundSample>(samples);
    }

    public string Name { get; }

    public string System { get; }

    public MetricKind Kind { get; }

    public List<RunBudget> Budgets { get; } = [];

    public Task<RoundSample> RunAsync(RunBudget budget, CancellationToken cancellationToken)
    {
        Budgets.Add(budget);
        _log.Add($"{System}:{Name}");
        return Task.FromResult(_samples.Dequeue());
    }

    public static RoundSample Throughput(long operationsPerSecond) => new(operationsPerSecond, 1_000_000_000, null);

    public static RoundSample Latency(params long[] nanoseconds)
    {
        var histogram = new LatencyHistogram();
        foreach (long value in nanoseconds)
        {
            histogram.Record(value);
        }

        return new RoundSample(nanoseconds.Length, nanoseconds.Sum(), histogram);
    }
}
