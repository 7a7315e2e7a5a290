using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Tests.Fakes;

/// <summary>Step outcomes and run metadata as a run would produce them, with chosen figures, for the report tests.</summary>
internal static class Outcomes
{
    private static int s_nextId;

    /// <summary>A sequential point-query measurement of <paramref name="key"/> whose every request took <paramref name="latencyNs"/>.</summary>
    public static StepOutcome Latency(string key, long latencyNs, int round = 1, OperationKind operation = OperationKind.PointQuery, int requests = 1) =>
        Outcome(key, ScenarioKind.Latency, new Workload(operation, requests, 0, 0, 0, 0, TimeSpan.FromMinutes(1)), 1, round, latencyNs, requests, latencyNs * requests);

    /// <summary>A pipelined measurement of <paramref name="key"/>: <paramref name="requests"/> answered in <paramref name="elapsedNs"/>.</summary>
    public static StepOutcome Pipelined(string key, long requests, long elapsedNs, int round = 1) =>
        Outcome(key, ScenarioKind.Pipelined, new Workload(OperationKind.PointQuery, (int)requests, 0, 0, 0, 0, TimeSpan.FromMinutes(1), 64), 1, round, 100_000, requests, elapsedNs);

    /// <summary>A concurrency measurement of <paramref name="key"/>: <paramref name="clients"/> clients, <paramref name="requests"/> answered in a wall time of <paramref name="wallNs"/>.</summary>
    public static StepOutcome Concurrency(string key, int clients, long requests, long wallNs, int round = 1) =>
        Outcome(key, ScenarioKind.Concurrency, new Workload(OperationKind.PointQuery, (int)(requests / clients), 0, 0, 0, 0, TimeSpan.FromMinutes(1)), clients, round, 200_000, requests, wallNs);

    /// <summary>A bandwidth measurement of <paramref name="key"/>: blobs of <paramref name="payload"/> bytes each way, each taking <paramref name="latencyNs"/>.</summary>
    public static StepOutcome Bandwidth(string key, int payload, bool upload, long latencyNs)
    {
        var outcome = Outcome(key, ScenarioKind.Bandwidth, new Workload(upload ? OperationKind.Upload : OperationKind.Download, 3, 0, payload, 0, 0, TimeSpan.FromMinutes(1)), 1, 1, latencyNs, 3, latencyNs * 3);
        return outcome with { Metrics = outcome.Metrics with { BytesSent = upload ? payload * 3L : 0, BytesReceived = upload ? 0 : payload * 3L } };
    }

    /// <summary>Metadata of a run of <paramref name="suite"/> with <paramref name="rounds"/> rounds.</summary>
    public static RunMetadata Metadata(string suite = "full", int rounds = 1, IReadOnlyDictionary<string, string>? skipped = null) => new(
        BenchSuite.Schema, DateTimeOffset.UnixEpoch, 1, "m", 2, "linux", ".NET", true, "tcp", 0, [], ["a note"], BenchSettings.Quick with { Rounds = rounds },
        skipped ?? new Dictionary<string, string>(), suite);

    private static StepOutcome Outcome(string key, ScenarioKind scenario, Workload workload, int clients, int round, long latencyNs, long successes, long elapsedNs)
    {
        var latency = new LatencyDistribution();
        for (long i = 0; i < Math.Min(successes, 1_000); i++)
        {
            latency.Record(latencyNs);
        }

        var endpoint = new SystemEndpoint(key, SystemKind.RawSocket, "tcp://127.0.0.1:1", string.Empty);
        var step = new BenchStep(Interlocked.Increment(ref s_nextId), scenario, endpoint, workload, clients, round);
        var metrics = new LoadMetrics(latency, successes, new Dictionary<string, long>(), 0, 0, elapsedNs, [.. Enumerable.Repeat(successes / (elapsedNs / 1e9) / clients, clients)]);
        return new StepOutcome(step, metrics, elapsedNs, 0, []);
    }
}
