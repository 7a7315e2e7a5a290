namespace AkkaRpc.Bench.Services.Actors;

/// <summary>The answer to a <see cref="ComputeCall"/>.</summary>
/// <param name="Sum">The sum, wrapping on overflow.</param>
internal sealed record ComputeResult(long Sum);
