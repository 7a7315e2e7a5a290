using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Protocol;

/// <summary>The coordinator to a worker: run these clients of a step and send back their figures as <see cref="ShareCompleted"/>.</summary>
/// <param name="StepId">The step.</param>
/// <param name="System">The system under test.</param>
/// <param name="Workload">What each client does.</param>
/// <param name="Clients">How many clients this worker runs.</param>
/// <param name="FirstClient">The number of the first of them across the step, so clients spread their reads.</param>
internal sealed record RunShare(int StepId, SystemEndpoint System, Workload Workload, int Clients, int FirstClient);
