namespace AkkaRpc.Cli.Benchmarking;

/// <summary>How long and how often a suite measures.</summary>
/// <param name="Rounds">Measured rounds per scenario; the median round is reported.</param>
/// <param name="RoundDuration">Time cap of one measured round.</param>
/// <param name="WarmupDuration">Time cap of the one warm-up round each scenario runs first.</param>
/// <param name="MaxOperationsPerRound">Count cap of one round, so a round ends even on a clock that misbehaves.</param>
/// <param name="Quick">Whether the shortened budgets of <c>--quick</c> are in force.</param>
internal sealed record BenchmarkSettings(
    int Rounds,
    TimeSpan RoundDuration,
    TimeSpan WarmupDuration,
    long MaxOperationsPerRound,
    bool Quick)
{
    /// <summary>Gets the budgets of a normal run: five rounds of 700 ms, so one noisy round cannot become the median.</summary>
    /// <remarks>700 ms keeps <c>bench actors</c> near 30 s once the actor rows double its scenarios; messages per round stay in the millions.</remarks>
    public static BenchmarkSettings Default { get; } = new(5, TimeSpan.FromMilliseconds(700), TimeSpan.FromMilliseconds(500), 200_000_000, Quick: false);

    /// <summary>Gets the budgets of <c>--quick</c>: enough to see the shape of the figures, not to quote them.</summary>
    public static BenchmarkSettings QuickRun { get; } = new(3, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(200), 50_000_000, Quick: true);

    /// <summary>Gets the budget of one measured round.</summary>
    public RunBudget RoundBudget => new(MaxOperationsPerRound, RoundDuration);

    /// <summary>Gets the budget of the warm-up round.</summary>
    public RunBudget WarmupBudget => new(MaxOperationsPerRound, WarmupDuration);
}
