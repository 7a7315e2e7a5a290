using AkkaRpc.Bench.Metrics;

namespace AkkaRpc.Bench.Protocol;

/// <summary>A collector (through its worker, if remote) to the coordinator: the merged figures of a share's clients.</summary>
/// <param name="StepId">The step.</param>
/// <param name="Metrics">The clients' figures, merged.</param>
/// <param name="LostClients">Clients that stopped without reporting.</param>
internal sealed record ShareCompleted(int StepId, LoadMetrics Metrics, int LostClients);
