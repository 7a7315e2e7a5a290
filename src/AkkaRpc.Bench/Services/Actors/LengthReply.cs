namespace AkkaRpc.Bench.Services.Actors;

/// <summary>The answer to an <see cref="UploadCall"/>.</summary>
/// <param name="Bytes">How many bytes arrived.</param>
internal sealed record LengthReply(int Bytes);
