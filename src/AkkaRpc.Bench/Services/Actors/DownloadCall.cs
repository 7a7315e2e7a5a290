namespace AkkaRpc.Bench.Services.Actors;

/// <summary>Asks the echo service actor for <paramref name="Bytes"/> bytes in a <see cref="PayloadReply"/>.</summary>
/// <param name="Bytes">How many bytes, 0 to <see cref="ServiceCalls.MaxPayloadBytes"/>.</param>
internal sealed record DownloadCall(int Bytes);
