using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Scenarios;

/// <summary>Turns settings and systems into the steps of a run: every scenario against each system in turn.</summary>
internal static class ScenarioPlan
{
    /// <summary>Builds the steps, numbered from 1 in the order they run.</summary>
    public static IReadOnlyList<BenchStep> Build(BenchSettings settings, IReadOnlyList<SystemEndpoint> systems)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(systems);
        var steps = new List<BenchStep>();
        var cap = settings.MaxStepDuration;
        int warmup = settings.Warmup;
        foreach (var system in systems)
        {
            void Add(ScenarioKind scenario, Workload workload, int clients = 1) =>
                steps.Add(new BenchStep(steps.Count + 1, scenario, system, workload, clients));

            Add(ScenarioKind.Connection, new Workload(OperationKind.Connect, settings.NumSerialConnections, Math.Min(warmup, 5), 0, 0, 0, cap));
            Add(ScenarioKind.Latency, new Workload(OperationKind.PointQuery, settings.NumRequests, warmup, 0, 0, 0, cap));
            Add(ScenarioKind.Latency, new Workload(OperationKind.Insert, settings.NumRequests, warmup, 0, 0, 0, cap));
            foreach (int size in settings.BandwidthSizes)
            {
                int sizeWarmup = Math.Max(1, Math.Min(warmup, settings.BandwidthIterations));
                Add(ScenarioKind.Bandwidth, new Workload(OperationKind.Upload, settings.BandwidthIterations, sizeWarmup, size, 0, 0, cap));
                Add(ScenarioKind.Bandwidth, new Workload(OperationKind.Download, settings.BandwidthIterations, sizeWarmup, size, 0, 0, cap));
            }

            if (settings.TestBinaryTransfer)
            {
                foreach (long size in settings.BinaryFileSizes)
                {
                    // Large files take as long as they take: the cap grows with the file, at a pessimistic 4 MB/s.
                    var fileCap = cap + TimeSpan.FromSeconds(size / (4.0 * 1024 * 1024) * settings.BinaryIterations);
                    Add(ScenarioKind.BinaryTransfer, new Workload(OperationKind.FileUpload, settings.BinaryIterations, 0, 0, size, settings.BinaryChunkSize, fileCap));
                    Add(ScenarioKind.BinaryTransfer, new Workload(OperationKind.FileDownload, settings.BinaryIterations, 0, 0, size, settings.BinaryChunkSize, fileCap));
                }
            }

            Add(
                ScenarioKind.Concurrency,
                new Workload(OperationKind.PointQuery, settings.RequestsPerClient, Math.Min(warmup, 2), 0, 0, 0, cap),
                settings.NumParallelClients);
        }

        return steps;
    }
}
