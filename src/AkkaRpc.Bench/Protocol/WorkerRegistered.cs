namespace AkkaRpc.Bench.Protocol;

/// <summary>The coordinator to a worker: registered; the sender is the coordinator, which the worker watches.</summary>
/// <param name="Workers">Workers registered so far, this one included.</param>
internal sealed record WorkerRegistered(int Workers);
