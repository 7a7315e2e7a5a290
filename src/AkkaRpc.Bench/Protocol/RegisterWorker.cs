namespace AkkaRpc.Bench.Protocol;

/// <summary>A worker to the coordinator: count me as a load source. The sender is the worker's actor, which the coordinator watches.</summary>
/// <param name="Name">The worker's name in reports (host and process id).</param>
internal sealed record RegisterWorker(string Name);
