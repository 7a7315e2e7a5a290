namespace AkkaRpc.Bench.Protocol;

/// <summary>The coordinator's answer to <see cref="RunPlan"/>: every step's outcome, in order.</summary>
/// <param name="Outcomes">One per step.</param>
/// <param name="LostWorkers">Workers that went away during the run.</param>
internal sealed record PlanCompleted(IReadOnlyList<StepOutcome> Outcomes, IReadOnlyList<string> LostWorkers);
