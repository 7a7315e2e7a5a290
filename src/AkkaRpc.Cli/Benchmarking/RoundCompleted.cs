namespace AkkaRpc.Cli.Benchmarking;

/// <summary>Progress of a run: one scenario finished one round.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Round">One-based round number; 0 for the warm-up round.</param>
/// <param name="Rounds">Measured rounds in the run.</param>
/// <param name="Sample">What the round measured.</param>
internal sealed record RoundCompleted(IBenchmarkScenario Scenario, int Round, int Rounds, RoundSample Sample);
