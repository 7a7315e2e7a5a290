namespace AkkaRpc.Bench.Services.Actors;

/// <summary>The answer to an <see cref="EchoCall"/> or a <see cref="DownloadCall"/>.</summary>
/// <param name="Data">The payload.</param>
internal sealed record PayloadReply(ReadOnlyMemory<byte> Data);
