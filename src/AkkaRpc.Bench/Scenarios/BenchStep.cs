using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Scenarios;

/// <summary>One measurement of a run: a scenario's workload against one system by some number of clients at once.</summary>
/// <param name="Id">Position in the run, from 1.</param>
/// <param name="Scenario">The scenario it belongs to.</param>
/// <param name="System">The system under test.</param>
/// <param name="Workload">What each client does.</param>
/// <param name="Clients">Clients running at once.</param>
/// <param name="Round">Which repetition of the plan this step belongs to, from 1; rounds interleave the systems.</param>
internal sealed record BenchStep(int Id, ScenarioKind Scenario, SystemEndpoint System, Workload Workload, int Clients, int Round = 1)
{
    /// <summary>A short label for progress lines, e.g. <c>akkarpc_tcp bandwidth upload 64 KB</c>.</summary>
    public string Label => Workload.Operation switch
    {
        OperationKind.Upload or OperationKind.Download =>
            $"{System.Key} {Scenario.ToString().ToLowerInvariant()} {Workload.Operation.ToString().ToLowerInvariant()} {Sizes.Format(Workload.PayloadBytes)}",
        OperationKind.FileUpload or OperationKind.FileDownload =>
            $"{System.Key} binary {Workload.Operation.ToString().ToLowerInvariant()} {Sizes.Format(Workload.FileBytes)}",
        _ when Scenario == ScenarioKind.Pipelined =>
            $"{System.Key} pipelined {Workload.Operation.ToString().ToLowerInvariant()} {Workload.InFlight} in flight",
        _ => $"{System.Key} {Scenario.ToString().ToLowerInvariant()} {Workload.Operation.ToString().ToLowerInvariant()}" +
             (Clients > 1 ? $" x{Clients}" : string.Empty),
    } + (Round > 1 ? $" (round {Round})" : string.Empty);
}
