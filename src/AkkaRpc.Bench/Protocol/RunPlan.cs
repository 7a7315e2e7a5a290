using AkkaRpc.Bench.Scenarios;

namespace AkkaRpc.Bench.Protocol;

/// <summary>
/// To the coordinator, in its own process: run these steps in order. The sender hears each <see cref="StepOutcome"/> as it
/// ends, then <see cref="PlanCompleted"/>, or <see cref="PlanFailed"/> when the plan could not start.
/// </summary>
/// <param name="Steps">The steps.</param>
internal sealed record RunPlan(IReadOnlyList<BenchStep> Steps);
