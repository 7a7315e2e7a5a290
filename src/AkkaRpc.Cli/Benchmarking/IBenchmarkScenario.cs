namespace AkkaRpc.Cli.Benchmarking;

/// <summary>
/// One measurement against one system under test, run by <see cref="BenchmarkRunner"/> once to warm
/// up and then once per round.
/// </summary>
/// <remarks>
/// Rows with the same <see cref="Name"/> measure the same thing on different systems; the row whose
/// <see cref="System"/> is the suite's floor is the one the others are divided by. A round does its
/// own setup (creating pairs, connections) outside its timed section and reports only that section.
/// </remarks>
internal interface IBenchmarkScenario
{
    /// <summary>Gets what is measured, shared by every system measured the same way, e.g. "tell, 1 pair, 100 in flight".</summary>
    string Name { get; }

    /// <summary>Gets the label of the system under test, e.g. "channels" or "actors".</summary>
    string System { get; }

    /// <summary>Gets what the headline figure is.</summary>
    MetricKind Kind { get; }

    /// <summary>Runs one round within <paramref name="budget"/> and returns what it measured.</summary>
    Task<RoundSample> RunAsync(RunBudget budget, CancellationToken cancellationToken);
}
