namespace AkkaRpc.Bench.Actors;

/// <summary>How the coordinator finds its load sources.</summary>
/// <param name="ExpectedWorkers">Workers to wait for before the first step; 0 runs every client in this process.</param>
/// <param name="RegistrationTimeout">How long to wait for them.</param>
/// <param name="StepGrace">Time a step may run past its workload's cap before its missing clients count as lost.</param>
internal sealed record CoordinatorOptions(int ExpectedWorkers, TimeSpan RegistrationTimeout, TimeSpan StepGrace);
