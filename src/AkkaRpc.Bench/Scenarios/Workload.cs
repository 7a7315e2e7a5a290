namespace AkkaRpc.Bench.Scenarios;

/// <summary>What each simulated client of a step does.</summary>
/// <param name="Operation">The timed request.</param>
/// <param name="Requests">Timed requests per client.</param>
/// <param name="Warmup">Untimed requests per client before the timed ones.</param>
/// <param name="PayloadBytes">Blob size of uploads and downloads; 0 otherwise.</param>
/// <param name="FileBytes">File size of file transfers; 0 otherwise.</param>
/// <param name="ChunkBytes">Chunk size of file transfers; 0 otherwise.</param>
/// <param name="MaxDuration">Time cap of the timed requests: a client stops early rather than run past it.</param>
/// <param name="InFlight">Requests each client keeps outstanding on its one connection: 1 waits for every reply, more pipelines.</param>
internal sealed record Workload(
    OperationKind Operation,
    int Requests,
    int Warmup,
    int PayloadBytes,
    long FileBytes,
    int ChunkBytes,
    TimeSpan MaxDuration,
    int InFlight = 1);
