namespace AkkaRpc.Cli.Benchmarking;

/// <summary>The budgets of a run as written to JSON, in plain numbers rather than <see cref="TimeSpan"/> strings.</summary>
/// <param name="Rounds">Measured rounds per scenario.</param>
/// <param name="RoundDurationMs">Time cap of one round.</param>
/// <param name="WarmupDurationMs">Time cap of the warm-up round.</param>
/// <param name="MaxOperationsPerRound">Count cap of one round.</param>
/// <param name="Quick">Whether <c>--quick</c> was given.</param>
internal sealed record BenchmarkSettingsSnapshot(
    int Rounds,
    double RoundDurationMs,
    double WarmupDurationMs,
    long MaxOperationsPerRound,
    bool Quick)
{
    /// <summary>Captures <paramref name="settings"/>.</summary>
    public static BenchmarkSettingsSnapshot From(BenchmarkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            settings.Rounds,
            settings.RoundDuration.TotalMilliseconds,
            settings.WarmupDuration.TotalMilliseconds,
            settings.MaxOperationsPerRound,
            settings.Quick);
    }
}
