namespace AkkaRpc.Bench.Services.Actors;

/// <summary>Asks the echo service actor to add two numbers; it answers with a <see cref="ComputeResult"/>.</summary>
/// <param name="A">The first number.</param>
/// <param name="B">The second number.</param>
internal sealed record ComputeCall(long A, long B);
