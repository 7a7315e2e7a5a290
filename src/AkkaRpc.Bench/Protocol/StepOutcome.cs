using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Scenarios;

namespace AkkaRpc.Bench.Protocol;

/// <summary>What one step measured.</summary>
/// <param name="Step">The step.</param>
/// <param name="Metrics">Every client's figures, merged.</param>
/// <param name="WallNs">Wall time of the step on the coordinator, from sending the work to the last report.</param>
/// <param name="LostClients">Clients whose figures never arrived (their worker died, or they timed out).</param>
/// <param name="LostWorkers">Workers that went away during this step.</param>
internal sealed record StepOutcome(BenchStep Step, LoadMetrics Metrics, long WallNs, int LostClients, IReadOnlyList<string> LostWorkers);
