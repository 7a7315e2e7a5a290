namespace AkkaRpc.Cli.Benchmarking;

/// <summary>Writes one line per finished round, so a long run shows it is alive; meant for standard error.</summary>
/// <remarks>Synchronous on purpose: <see cref="Progress{T}"/> posts to the thread pool and would print rounds out of order.</remarks>
internal sealed class RoundLog : IProgress<RoundCompleted>
{
    private readonly TextWriter _writer;

    /// <summary>Initializes a log writing to <paramref name="writer"/>.</summary>
    public RoundLog(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <inheritdoc />
    public void Report(RoundCompleted value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string round = value.Round == 0 ? "warm-up" : $"round {value.Round}/{value.Rounds}";
        RoundSample sample = value.Sample;
        string figure = value.Scenario.Kind == MetricKind.Throughput
            ? Figures.Rate(sample.OperationsPerSecond) + " ops/s"
            : Figures.Duration(sample.HeadlineFor(MetricKind.Latency)) + " p50";
        _writer.WriteLine($"{round,-11} {value.Scenario.System,-10} {value.Scenario.Name,-48} {figure}");
    }
}
