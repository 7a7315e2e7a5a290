namespace AkkaRpc.Bench.Protocol;

/// <summary>The coordinator's answer to <see cref="RunPlan"/> when it could not start, e.g. too few workers registered in time.</summary>
/// <param name="Reason">What went wrong and what to do.</param>
internal sealed record PlanFailed(string Reason);
