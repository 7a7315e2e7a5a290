using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Scenarios;

/// <summary>
/// Turns a suite, its settings and its systems into the steps of a run: the suite's measurements against each system in
/// turn, the whole of it once per round, so a noisy stretch of a shared machine lands on every system rather than one.
/// </summary>
internal static class ScenarioPlan
{
    private static readonly TimeSpan s_warmUpTime = TimeSpan.FromSeconds(1);

    /// <summary>Builds the steps, numbered from 1 in the order they run.</summary>
    public static IReadOnlyList<BenchStep> Build(BenchSuiteKind suite, BenchSettings settings, IReadOnlyList<SystemEndpoint> systems)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(systems);
        var steps = new List<BenchStep>();
        var measurements = Measurements(suite, settings);
        for (int round = 1; round <= settings.Rounds; round++)
        {
            foreach (var system in systems)
            {
                foreach (var (scenario, workload, clients) in measurements)
                {
                    steps.Add(new BenchStep(steps.Count + 1, scenario, system, workload, clients, round));
                }
            }
        }

        return steps;
    }

    /// <summary>What <paramref name="suite"/> measures on each system, in order.</summary>
    public static IReadOnlyList<(ScenarioKind Scenario, Workload Workload, int Clients)> Measurements(BenchSuiteKind suite, BenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cap = settings.MaxStepDuration;
        int warmup = settings.Warmup;
        var pointQueries = new Workload(OperationKind.PointQuery, settings.NumRequests, warmup, 0, 0, 0, cap);
        var inserts = new Workload(OperationKind.Insert, settings.NumRequests, warmup, 0, 0, 0, cap);
        return suite switch
        {
            BenchSuiteKind.Owner => [(ScenarioKind.Latency, pointQueries, 1), (ScenarioKind.Latency, inserts, 1)],
            BenchSuiteKind.Remote =>
            [
                (ScenarioKind.Latency, pointQueries, 1),
                (ScenarioKind.Pipelined, pointQueries with { Requests = settings.PipelinedRequests, InFlight = settings.PipelinedInFlight }, 1),
            ],
            BenchSuiteKind.Cluster =>
            [
                (ScenarioKind.Latency, pointQueries, 1),
                (ScenarioKind.Concurrency, new Workload(OperationKind.PointQuery, settings.RequestsPerClient, Math.Min(warmup, 2), 0, 0, 0, cap), settings.ClusterClients),
            ],
            _ => Full(settings, pointQueries, inserts),
        };
    }

    /// <summary>
    /// The untimed requests each system serves once before the first round: every kind of request the suite times that
    /// a client repeats (connects, point queries one at a time and pipelined, inserts), each for about a second. The
    /// node, the load process and their tiered JIT then start every system's measurements warm, not only the later
    /// ones': .NET promotes a method to optimized code only after it ran for a while, in the background, which 50
    /// requests (50 ms) never reached.
    /// </summary>
    public static IReadOnlyList<Workload> WarmUp(BenchSuiteKind suite, BenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cap = settings.MaxStepDuration < s_warmUpTime ? settings.MaxStepDuration : s_warmUpTime;
        return Measurements(suite, settings)
            .Select(m => m.Workload)
            .Where(w => w.Operation is OperationKind.Connect or OperationKind.PointQuery or OperationKind.Insert)
            .DistinctBy(w => (w.Operation, w.InFlight))
            .Select(w => w with
            {
                // Bounded by count and by time: a connect costs an actor system for some, an insert an fsync.
                Requests = w.Operation == OperationKind.Connect ? 3 : Math.Max(100, settings.Warmup * 100),
                Warmup = 0,
                MaxDuration = cap,
            })
            .ToList();
    }

    private static List<(ScenarioKind, Workload, int)> Full(BenchSettings settings, Workload pointQueries, Workload inserts)
    {
        var cap = settings.MaxStepDuration;
        int warmup = settings.Warmup;
        var steps = new List<(ScenarioKind, Workload, int)>
        {
            (ScenarioKind.Connection, new Workload(OperationKind.Connect, settings.NumSerialConnections, Math.Min(warmup, 5), 0, 0, 0, cap), 1),
            (ScenarioKind.Latency, pointQueries, 1),
            (ScenarioKind.Latency, inserts, 1),
        };
        foreach (int size in settings.BandwidthSizes)
        {
            int sizeWarmup = Math.Max(1, Math.Min(warmup, settings.BandwidthIterations));
            steps.Add((ScenarioKind.Bandwidth, new Workload(OperationKind.Upload, settings.BandwidthIterations, sizeWarmup, size, 0, 0, cap), 1));
            steps.Add((ScenarioKind.Bandwidth, new Workload(OperationKind.Download, settings.BandwidthIterations, sizeWarmup, size, 0, 0, cap), 1));
        }

        if (settings.TestBinaryTransfer)
        {
            foreach (long size in settings.BinaryFileSizes)
            {
                // Large files take as long as they take: the cap grows with the file, at a pessimistic 4 MB/s.
                var fileCap = cap + TimeSpan.FromSeconds(size / (4.0 * 1024 * 1024) * settings.BinaryIterations);
                steps.Add((ScenarioKind.BinaryTransfer, new Workload(OperationKind.FileUpload, settings.BinaryIterations, 0, 0, size, settings.BinaryChunkSize, fileCap), 1));
                steps.Add((ScenarioKind.BinaryTransfer, new Workload(OperationKind.FileDownload, settings.BinaryIterations, 0, 0, size, settings.BinaryChunkSize, fileCap), 1));
            }
        }

        // One step per client count, fewest first: the report's curve is made of these measured points alone.
        var perClient = new Workload(OperationKind.PointQuery, settings.RequestsPerClient, Math.Min(warmup, 2), 0, 0, 0, cap);
        foreach (int clients in settings.ParallelClients.Distinct().Order())
        {
            steps.Add((ScenarioKind.Concurrency, perClient, clients));
        }


        return steps;
    }
}
