namespace AkkaRpc.Bench.Systems;

/// <summary>
/// One simulated client's own connection to a system under test: the handful of operations every scenario is made of.
/// Each returns the payload bytes it sent and received, so bandwidth is counted the same way for every system.
/// Calls may overlap: a pipelined workload keeps several requests outstanding on one connection, and a connection that
/// cannot overlap them on its wire makes them take turns rather than fail.
/// </summary>
internal interface IBenchConnection : IAsyncDisposable
{
    /// <summary>The smallest round trip the system offers.</summary>
    Task<Transfer> PingAsync(CancellationToken cancellationToken);

    /// <summary>Reads one row of <c>items</c> by primary key; fails if it is missing.</summary>
    Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken);

    /// <summary>Inserts one row into <c>items</c>.</summary>
    Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken);

    /// <summary>Stores a blob and returns its id.</summary>
    Task<(long Id, Transfer Transfer)> UploadBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Reads a blob back; fails if it is not <paramref name="expectedLength"/> bytes.</summary>
    Task<Transfer> DownloadBlobAsync(long id, int expectedLength, CancellationToken cancellationToken);

    /// <summary>Stores chunk <paramref name="sequence"/> of file <paramref name="transferId"/>.</summary>
    Task<Transfer> UploadChunkAsync(long transferId, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken);

    /// <summary>Reads chunk <paramref name="sequence"/> of file <paramref name="transferId"/>; fails if it is not <paramref name="expectedLength"/> bytes.</summary>
    Task<Transfer> DownloadChunkAsync(long transferId, int sequence, int expectedLength, CancellationToken cancellationToken);

    /// <summary>Deletes every chunk of file <paramref name="transferId"/>.</summary>
    Task DeleteTransferAsync(long transferId, CancellationToken cancellationToken);
}
