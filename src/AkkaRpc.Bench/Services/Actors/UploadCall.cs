namespace AkkaRpc.Bench.Services.Actors;

/// <summary>Hands the echo service actor a payload; it answers with its length in a <see cref="LengthReply"/>.</summary>
/// <param name="Data">The payload.</param>
internal sealed record UploadCall(ReadOnlyMemory<byte> Data);
