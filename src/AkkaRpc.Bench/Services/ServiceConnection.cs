using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Services;

/// <summary>
/// A connection to one of <c>akkarpc bench services</c>' systems: the suite's blob and chunk operations are that
/// service's upload and download calls (see <see cref="ServiceCalls"/>), the same on every system, which supplies the calls.
/// </summary>
internal abstract class ServiceConnection : IBenchConnection
{
    public abstract Task<Transfer> PingAsync(CancellationToken cancellationToken);

    public abstract Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken);

    public abstract Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public async Task<(long Id, Transfer Transfer)> UploadBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        (0, await UploadAsync(data, cancellationToken).ConfigureAwait(false));

    public Task<Transfer> DownloadBlobAsync(long id, int expectedLength, CancellationToken cancellationToken) =>
        DownloadAsync(expectedLength, cancellationToken);

    public Task<Transfer> UploadChunkAsync(long transferId, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) =>
        UploadAsync(chunk, cancellationToken);

    public Task<Transfer> DownloadChunkAsync(long transferId, int sequence, int expectedLength, CancellationToken cancellationToken) =>
        DownloadAsync(expectedLength, cancellationToken);

    // A service keeps nothing between calls: there is no transfer to delete.
    public Task DeleteTransferAsync(long transferId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The upload call: <paramref name="data"/> sent, its length answered.</summary>
    protected abstract Task<Transfer> UploadAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>The download call: <paramref name="bytes"/> asked for and received.</summary>
    protected abstract Task<Transfer> DownloadAsync(int bytes, CancellationToken cancellationToken);
}
