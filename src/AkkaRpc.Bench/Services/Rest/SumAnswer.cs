namespace AkkaRpc.Bench.Services.Rest;

/// <summary>The JSON answer of <c>GET /compute/{a}/{b}</c>.</summary>
/// <param name="Sum">The sum, wrapping on overflow.</param>
internal sealed record SumAnswer(long Sum);
