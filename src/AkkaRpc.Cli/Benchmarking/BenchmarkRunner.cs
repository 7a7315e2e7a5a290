using System.Diagnostics;

namespace AkkaRpc.Cli.Benchmarking;

/// <summary>Runs scenarios for a number of rounds and reports each scenario's median round.</summary>
/// <remarks>
/// Rounds are interleaved (round 1 of every scenario, then round 2, ...) so that a noisy stretch of a
/// shared machine lands on every row rather than on one, and the floor and the system it judges are
/// measured under the same conditions.
/// </remarks>
internal sealed class BenchmarkRunner
{
    private readonly BenchmarkSettings _settings;
    private readonly IProgress<RoundCompleted>? _progress;

    /// <summary>Initializes a runner with the budgets in <paramref name="settings"/>.</summary>
    public BenchmarkRunner(BenchmarkSettings settings, IProgress<RoundCompleted>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Rounds, 1);
        _settings = settings;
        _progress = progress;
    }

    /// <summary>Warms up and measures every scenario, then returns the report with ratios to <paramref name="floorSystem"/>.</summary>
    public async Task<BenchmarkReport> RunAsync(
        string suite,
        string floorSystem,
        IReadOnlyList<IBenchmarkScenario> scenarios,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        long start = Stopwatch.GetTimestamp();

        foreach (IBenchmarkScenario scenario in scenarios)
        {
            RoundSample warmup = await RunRoundAsync(scenario, _settings.WarmupBudget, cancellationToken);
            _progress?.Report(new RoundCompleted(scenario, 0, _settings.Rounds, warmup));
        }

        var samples = new RoundSample[scenarios.Count][];
        for (int s = 0; s < scenarios.Count; s++)
        {
            samples[s] = new RoundSample[_settings.Rounds];
        }

        for (int round = 0; round < _settings.Rounds; round++)
        {
            for (int s = 0; s < scenarios.Count; s++)
            {
                RoundSample sample = await RunRoundAsync(scenarios[s], _settings.RoundBudget, cancellationToken);
                samples[s][round] = sample;
                _progress?.Report(new RoundCompleted(scenarios[s], round + 1, _settings.Rounds, sample));
            }
        }

        var results = new List<ScenarioResult>(scenarios.Count);
        for (int s = 0; s < scenarios.Count; s++)
        {
            results.Add(Summarize(scenarios[s], samples[s]));
        }

        return new BenchmarkReport(
            BenchmarkReport.CurrentSchema,
            suite,
            floorSystem,
            startedAt,
            Stopwatch.GetElapsedTime(start).TotalSeconds,
            BenchmarkEnvironment.Current(),
            BenchmarkSettingsSnapshot.From(_settings),
            FloorRatios.Apply(results, floorSystem));
    }

    /// <summary>Reduces a scenario's rounds to the figures of its median round.</summary>
    internal static ScenarioResult Summarize(IBenchmarkScenario scenario, IReadOnlyList<RoundSample> rounds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentOutOfRangeException.ThrowIfZero(rounds.Count);

        double[] values = rounds.Select(r => r.HeadlineFor(scenario.Kind)).ToArray();

        // The lower median of an even count, so the quoted figures are those of a round that really ran.
        int medianRound = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ElementAt((values.Length - 1) / 2);
        RoundSample median = rounds[medianRound];

        return new ScenarioResult(
            scenario.Name,
            scenario.System,
            scenario.Kind,
            scenario.Kind == MetricKind.Throughput ? "ops/s" : "ns",
            values[medianRound],
            RatioToFloor: null,
            values,
            medianRound,
            median.Operations,
            median.ElapsedNs,
            median.OperationsPerSecond,
            median.Latency?.Summarize());
    }

    private static async Task<RoundSample> RunRoundAsync(IBenchmarkScenario scenario, RunBudget budget, CancellationToken cancellationToken)
    {
        // Collect between rounds so one round's garbage is not paid for by the next scenario's timing.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        cancellationToken.ThrowIfCancellationRequested();
        return await scenario.RunAsync(budget, cancellationToken);
    }
}
