namespace AkkaRpc.Bench.Services.Actors;

/// <summary>Asks the echo service actor to send <paramref name="Data"/> back in a <see cref="PayloadReply"/>.</summary>
/// <param name="Data">The payload.</param>
internal sealed record EchoCall(ReadOnlyMemory<byte> Data);
