using AkkaRpc.Services;

namespace AkkaRpc.Bench.Services.Proxy;

/// <summary>
/// The echo/compute service of <c>bench services</c> as an AkkaRpc service: the source generator writes its proxy,
/// dispatcher and serializer (id 7460), and callers reach it by name through <see cref="AkkaRpcServices"/>.
/// </summary>
[AkkaRpcService(7460)]
internal interface IBenchEcho
{
    /// <summary>Sends <paramref name="data"/> back.</summary>
    Task<byte[]> EchoAsync(byte[] data, CancellationToken cancellationToken = default);

    /// <summary>Adds two numbers, wrapping on overflow.</summary>
    Task<long> ComputeAsync(long a, long b, CancellationToken cancellationToken = default);

    /// <summary>Takes <paramref name="data"/> and answers with its length.</summary>
    Task<int> UploadAsync(byte[] data, CancellationToken cancellationToken = default);

    /// <summary>Answers with <paramref name="bytes"/> bytes (0 to <see cref="ServiceCalls.MaxPayloadBytes"/>).</summary>
    Task<byte[]> DownloadAsync(int bytes, CancellationToken cancellationToken = default);
}
