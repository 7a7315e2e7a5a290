namespace AkkaRpc.Cli.Benchmarking;

/// <summary>Everything one <c>akkarpc bench</c> run measured; the root of the JSON written by <c>--output</c>.</summary>
/// <param name="Schema">Identifies the JSON shape; bumped when a property changes meaning or goes away.</param>
/// <param name="Suite">The suite that ran, e.g. <c>actors</c>.</param>
/// <param name="Floor">The system every row is divided by in <see cref="ScenarioResult.RatioToFloor"/>.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="DurationSeconds">Wall time of the whole run, warm-up included.</param>
/// <param name="Environment">The machine and runtime.</param>
/// <param name="Settings">The budgets in force.</param>
/// <param name="Results">One entry per scenario, in table order.</param>
internal sealed record BenchmarkReport(
    string Schema,
    string Suite,
    string Floor,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    BenchmarkEnvironment Environment,
    BenchmarkSettingsSnapshot Settings,
    IReadOnlyList<ScenarioResult> Results)
{
    /// <summary>The current value of <see cref="Schema"/>.</summary>
    public const string CurrentSchema = "akkarpc.bench/1";
}
