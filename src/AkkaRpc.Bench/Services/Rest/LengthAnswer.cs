namespace AkkaRpc.Bench.Services.Rest;

/// <summary>The JSON answer of <c>POST /upload</c>.</summary>
/// <param name="Bytes">How many bytes arrived.</param>
internal sealed record LengthAnswer(int Bytes);
