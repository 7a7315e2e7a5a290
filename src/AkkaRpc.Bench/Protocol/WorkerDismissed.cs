namespace AkkaRpc.Bench.Protocol;

/// <summary>The coordinator to a worker: the run is over; exit.</summary>
/// <param name="Reason">Why, for the worker's log.</param>
internal sealed record WorkerDismissed(string Reason);
