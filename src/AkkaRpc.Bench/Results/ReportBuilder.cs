using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Results;

/// <summary>
/// Turns the outcomes of a run's steps into per-system figures and same-run ratios. With several rounds, each
/// measurement is quoted from its median round (by latency median, or by throughput), with every round's figure kept.
/// </summary>
internal static class ReportBuilder
{
    private const double BitsPerMegabit = 1_000_000.0 / 8;

    /// <summary>Builds the report of a run.</summary>
    public static RunReport Build(IReadOnlyList<StepOutcome> outcomes, RunMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var systems = outcomes
            .GroupBy(o => o.Step.System.Key)
            .Select(g => new KeyValuePair<string, SystemReport>(g.Key, BuildSystem(g.Key, [.. g])))
            .ToList();
        var byKey = systems.ToDictionary(p => p.Key, p => p.Value);
        var ratios = new Dictionary<string, SystemRatios>();
        foreach (var key in SystemCatalog.Contenders)
        {
            if (byKey.TryGetValue(key, out var contender))
            {
                string? floor = SystemCatalog.FloorOf(key);
                ratios[key] = new SystemRatios(
                    Ratio(contender, byKey, SystemCatalog.Http),
                    floor is null ? null : Ratio(contender, byKey, floor),
                    floor == SystemCatalog.InProcess ? null : Ratio(contender, byKey, SystemCatalog.InProcess),
                    key == SystemCatalog.AkkaDotNetty ? null : Ratio(contender, byKey, SystemCatalog.AkkaDotNetty));
            }
        }

        return new RunReport(systems, ratios, metadata);
    }

    /// <summary>The figure rounds of a measurement are ranked by: throughput for many requests at once, else the latency median.</summary>
    public static double Headline(StepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return IsThroughput(outcome.Step.Scenario)
            ? PerSecond(outcome.Metrics.Successes, outcome.Step.Scenario == ScenarioKind.Pipelined ? outcome.Metrics.ElapsedNs : outcome.WallNs)
            : outcome.Metrics.Latency.ValueAtPercentile(50);
    }

    private static SystemReport BuildSystem(string key, IReadOnlyList<StepOutcome> all)
    {
        var (name, protocol, mode) = SystemCatalog.Describe(key);
        var (outcomes, rounds) = MedianRounds(all);
        StepOutcome? Find(OperationKind operation, ScenarioKind scenario) =>
            outcomes.FirstOrDefault(o => o.Step.Workload.Operation == operation && o.Step.Scenario == scenario);
        LatencyStats? Stats(StepOutcome? o) => o is null || o.Metrics.Latency.Count == 0 ? null : LatencyStats.From(o.Metrics.Latency);

        var bandwidth = outcomes
            .Where(o => o.Step.Scenario == ScenarioKind.Bandwidth)
            .GroupBy(o => o.Step.Workload.PayloadBytes)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var up = g.FirstOrDefault(o => o.Step.Workload.Operation == OperationKind.Upload);
                var down = g.FirstOrDefault(o => o.Step.Workload.Operation == OperationKind.Download);
                return new BandwidthPoint(g.Key, BytesPerSecond(up, sent: true), BytesPerSecond(down, sent: false), Stats(up), Stats(down));
            })
            .ToList();

        // Every client count measured, fewest first; rpycbench's one "concurrency" figure is the largest count's.
        var curve = outcomes
            .Where(o => o.Step.Scenario == ScenarioKind.Concurrency && o.Step.Workload.Operation == OperationKind.PointQuery)
            .OrderBy(o => o.Step.Clients)
            .Select(Concurrency)
            .ToList();

        var binary = outcomes
            .Where(o => o.Step.Scenario == ScenarioKind.BinaryTransfer)
            .GroupBy(o => o.Step.Workload.FileBytes)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var up = g.FirstOrDefault(o => o.Step.Workload.Operation == OperationKind.FileUpload);
                var down = g.FirstOrDefault(o => o.Step.Workload.Operation == OperationKind.FileDownload);
                double upSeconds = up?.Metrics.Latency.Mean / 1e9 ?? 0;
                double downSeconds = down?.Metrics.Latency.Mean / 1e9 ?? 0;
                return new BinaryTransferPoint(
                    g.Key,
                    g.First().Step.Workload.ChunkBytes,
                    up?.Metrics.Successes ?? 0,
                    upSeconds,
                    downSeconds,
                    upSeconds > 0 ? g.Key / upSeconds / BitsPerMegabit : 0,
                    downSeconds > 0 ? g.Key / downSeconds / BitsPerMegabit : 0);
            })
            .ToList();

        // Success and losses count every round: a failure in a round that was not the median still happened.
        var failures = new Dictionary<string, long>();
        foreach (var (kind, count) in all.SelectMany(o => o.Metrics.Failures))
        {
            failures[kind] = failures.GetValueOrDefault(kind) + count;
        }

        long successes = all.Sum(o => o.Metrics.Successes);
        long failed = all.Sum(o => o.Metrics.FailureCount);
        return new SystemReport(
            name,
            protocol,
            mode,
            Stats(Find(OperationKind.Connect, ScenarioKind.Connection)),
            Stats(Find(OperationKind.PointQuery, ScenarioKind.Latency)),
            Stats(Find(OperationKind.Insert, ScenarioKind.Latency)),
            Throughput(bandwidth.Select(b => b.UploadBytesPerSecond)),
            Throughput(bandwidth.Select(b => b.DownloadBytesPerSecond)),
            bandwidth,
            binary,
            curve.Count == 0 ? null : curve[^1],
            successes + failed == 0 ? 0 : (double)successes / (successes + failed),
            failures,
            all.Sum(o => o.LostClients),
            outcomes.FirstOrDefault(o => o.Step.Scenario == ScenarioKind.Pipelined) is { } p ? Pipelined(p) : null,
            rounds,
            curve.Count > 1 ? curve : null);
    }

    /// <summary>Picks each measurement's median round; with more than one round, also every round's headline figure.</summary>
    private static (List<StepOutcome> Outcomes, IReadOnlyDictionary<string, RoundFigures>? Rounds) MedianRounds(IReadOnlyList<StepOutcome> all)
    {
        var chosen = new List<StepOutcome>();
        var rounds = new Dictionary<string, RoundFigures>();
        foreach (var measurement in all.GroupBy(o => Identity(o.Step)))
        {
            var inOrder = measurement.OrderBy(o => o.Step.Round).ToList();
            double[] values = inOrder.Select(Headline).ToArray();

            // The lower median of an even count, so the quoted figures are those of a round that really ran.
            bool higherIsBetter = IsThroughput(inOrder[0].Step.Scenario);
            int median = Enumerable.Range(0, values.Length).OrderBy(i => higherIsBetter ? -values[i] : values[i]).ElementAt((values.Length - 1) / 2);
            chosen.Add(inOrder[median]);
            if (values.Length > 1 && FigureName(inOrder[0].Step) is { } figure)
            {
                double spread = values[median] == 0 ? 0 : (values.Max() - values.Min()) / 2 / values[median];
                rounds[figure] = new RoundFigures(higherIsBetter ? "req/s" : "ns", values, median, spread);
            }
        }

        return (chosen.OrderBy(o => o.Step.Id).ToList(), rounds.Count == 0 ? null : rounds);
    }

    private static (ScenarioKind, OperationKind, int, long, int, int) Identity(BenchStep step) =>
        (step.Scenario, step.Workload.Operation, step.Workload.PayloadBytes, step.Workload.FileBytes, step.Clients, step.Workload.InFlight);

    private static string? FigureName(BenchStep step) => (step.Scenario, step.Workload.Operation) switch
    {
        (ScenarioKind.Connection, _) => "connection_time_p50",
        (ScenarioKind.Latency, OperationKind.PointQuery) => "latency_p50",
        (ScenarioKind.Latency, OperationKind.Insert) => "insert_latency_p50",
        (ScenarioKind.Concurrency, _) => $"concurrency_throughput_{step.Clients}_clients",
        (ScenarioKind.Pipelined, _) => "pipelined_throughput",
        _ => null,
    };

    private static bool IsThroughput(ScenarioKind scenario) => scenario is ScenarioKind.Concurrency or ScenarioKind.Pipelined;

    private static double PerSecond(long count, long nanoseconds) => nanoseconds > 0 ? count / (nanoseconds / 1e9) : 0;

    private static ConcurrencyReport Concurrency(StepOutcome o)
    {
        var m = o.Metrics;
        long total = (long)o.Step.Clients * o.Step.Workload.Requests;
        double seconds = o.WallNs / 1e9;
        var rates = m.ClientRates.Count == 0 ? [0.0] : m.ClientRates;
        return new ConcurrencyReport(
            o.Step.Clients,
            o.Step.Workload.Requests,
            total,
            m.Successes,
            total - m.Successes,
            total == 0 ? 0 : (double)m.Successes / total,
            seconds,
            seconds > 0 ? m.Successes / seconds : 0,
            LatencyStats.From(m.Latency),
            new PerConnectionStats(rates.Average(), rates.Min(), rates.Max()),
            o.LostClients);
    }

    private static PipelinedReport Pipelined(StepOutcome o) => new(
        o.Step.Workload.InFlight,
        o.Metrics.Successes,
        o.Metrics.ElapsedNs / 1e9,
        PerSecond(o.Metrics.Successes, o.Metrics.ElapsedNs),
        LatencyStats.From(o.Metrics.Latency));

    private static double BytesPerSecond(StepOutcome? o, bool sent)
    {
        if (o is null || o.Metrics.Latency.Count == 0 || o.Metrics.Latency.Mean <= 0)
        {
            return 0;
        }

        // Bytes of one request over its mean latency: the rate a single client sees, as rpycbench reports it.
        double perRequest = (double)(sent ? o.Metrics.BytesSent : o.Metrics.BytesReceived) / o.Metrics.Successes;
        return perRequest / (o.Metrics.Latency.Mean / 1e9);
    }

    private static ThroughputStats? Throughput(IEnumerable<double> rates)
    {
        var list = rates.Where(r => r > 0).ToList();
        return list.Count == 0 ? null : new ThroughputStats(list.Average(), list.Max());
    }

    private static RatioSet? Ratio(SystemReport a, Dictionary<string, SystemReport> all, string baselineKey)
    {
        if (!all.TryGetValue(baselineKey, out var b))
        {
            return null;
        }

        static double? Div(double? x, double? y) => x is > 0 && y is > 0 ? x / y : null;
        return new RatioSet(
            baselineKey,
            Div(a.ConnectionTime?.Mean, b.ConnectionTime?.Mean),
            Div(a.Latency?.Mean, b.Latency?.Mean),
            Div(a.Latency?.P99, b.Latency?.P99),
            Div(a.InsertLatency?.Mean, b.InsertLatency?.Mean),
            Div(a.UploadBandwidth?.Max, b.UploadBandwidth?.Max),
            Div(a.DownloadBandwidth?.Max, b.DownloadBandwidth?.Max),
            Div(a.Concurrency?.ThroughputRps, b.Concurrency?.ThroughputRps),
            Div(a.Latency?.Median, b.Latency?.Median),
            Div(a.Pipelined?.ThroughputRps, b.Pipelined?.ThroughputRps));
    }
}
