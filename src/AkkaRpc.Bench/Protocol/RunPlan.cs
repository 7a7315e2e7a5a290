using AkkaRpc.Bench.Scenarios;

namespace AkkaRpc.Bench.Protocol;

/// <summary>To the coordinator, in its own process: run these steps in order; the sender gets <see cref="PlanCompleted"/> or <see cref="PlanFailed"/>.</summary>
/// <param name="Steps">The steps.</param>
internal sealed record RunPlan(IReadOnlyList<BenchStep> Steps);
