namespace AkkaRpc.Bench.Services.Proxy;

/// <summary>The implementation behind <see cref="IBenchEcho"/>; its service actor runs one call at a time, so it needs no locks.</summary>
internal sealed class BenchEcho : IBenchEcho
{
    // The last download's answer, kept: the other systems answer downloads from a shared buffer without copying, and a
    // byte[] result cannot be a view of one.
    private byte[] _download = [];

    /// <inheritdoc/>
    public Task<byte[]> EchoAsync(byte[] data, CancellationToken cancellationToken = default) => Task.FromResult(data);

    /// <inheritdoc/>
    public Task<long> ComputeAsync(long a, long b, CancellationToken cancellationToken = default) => Task.FromResult(unchecked(a + b));

    /// <inheritdoc/>
    public Task<int> UploadAsync(byte[] data, CancellationToken cancellationToken = default) => Task.FromResult(data.Length);

    /// <inheritdoc/>
    public Task<byte[]> DownloadAsync(int bytes, CancellationToken cancellationToken = default)
    {
        if (ServiceCalls.DownloadRefusal(bytes) is { } reason)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, reason);
        }

        if (_download.Length != bytes)
        {
            _download = ServiceCalls.Source.AsSpan(0, bytes).ToArray();
        }

        return Task.FromResult(_download);
    }
}
