using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Scenarios;

/// <summary>
/// One client's request of a workload, with the state it needs: the payload buffer (one chunk at most, so files of any
/// size stream through constant memory), the blob a download reads, the file a transfer writes.
/// </summary>
internal sealed class ClientOperation
{
    private readonly IBenchConnection _connection;
    private readonly Workload _workload;
    private readonly int _client;
    private readonly byte[] _buffer;
    private readonly long _transferId = Random.Shared.NextInt64(1, long.MaxValue);
    private long _blobId;

    /// <summary>Prepares the buffer: filled with a pattern rather than zeros so no layer can shortcut an all-zero payload.</summary>
    public ClientOperation(IBenchConnection connection, Workload workload, int client)
    {
        _connection = connection;
        _workload = workload;
        _client = client;
        int size = workload.Operation is OperationKind.FileUpload or OperationKind.FileDownload ? workload.ChunkBytes : workload.PayloadBytes;
        _buffer = new byte[Math.Max(size, 0)];
        for (int i = 0; i < _buffer.Length; i++)
        {
            _buffer[i] = (byte)((i * 31) + client);
        }
    }

    private int ChunkCount => (int)((_workload.FileBytes + _workload.ChunkBytes - 1) / _workload.ChunkBytes);

    /// <summary>Puts in place what the timed requests read: the blob for downloads, the file for file downloads.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_workload.Operation == OperationKind.Download)
        {
            (_blobId, _) = await _connection.UploadBlobAsync(_buffer, cancellationToken).ConfigureAwait(false);
        }
        else if (_workload.Operation == OperationKind.FileDownload)
        {
            await UploadFileAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs request <paramref name="request"/> (negative during warm-up).</summary>
    public async Task<Transfer> RunAsync(long request, CancellationToken cancellationToken) => _workload.Operation switch
    {
        OperationKind.PointQuery => await _connection.PointQueryAsync(BenchSchema.RowFor(_client, request), cancellationToken).ConfigureAwait(false),
        OperationKind.Insert => await _connection.InsertAsync(request, cancellationToken).ConfigureAwait(false),
        OperationKind.Upload => (await _connection.UploadBlobAsync(_buffer, cancellationToken).ConfigureAwait(false)).Transfer,
        OperationKind.Download => await _connection.DownloadBlobAsync(_blobId, _buffer.Length, cancellationToken).ConfigureAwait(false),
        OperationKind.FileUpload => await UploadFileAsync(cancellationToken).ConfigureAwait(false),
        OperationKind.FileDownload => await DownloadFileAsync(cancellationToken).ConfigureAwait(false),
        _ => throw new InvalidOperationException($"{_workload.Operation} is not a request of a connection."),
    };

    /// <summary>Removes the file a transfer left behind, so large runs do not fill the disk.</summary>
    public async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        if (_workload.Operation is OperationKind.FileUpload or OperationKind.FileDownload)
        {
            await _connection.DeleteTransferAsync(_transferId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Transfer> UploadFileAsync(CancellationToken cancellationToken)
    {
        // Each chunk replaces the previous upload's, so repeated uploads keep one file's worth of rows.
        long sent = 0;
        for (int sequence = 0; sequence < ChunkCount; sequence++)
        {
            int length = ChunkLength(sequence);
            sent += (await _connection.UploadChunkAsync(_transferId, sequence, _buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false)).Sent;
        }

        return new Transfer(sent, 0);
    }

    private async Task<Transfer> DownloadFileAsync(CancellationToken cancellationToken)
    {
        long received = 0;
        for (int sequence = 0; sequence < ChunkCount; sequence++)
        {
            received += (await _connection.DownloadChunkAsync(_transferId, sequence, ChunkLength(sequence), cancellationToken).ConfigureAwait(false)).Received;
        }

        return new Transfer(0, received);
    }

    private int ChunkLength(int sequence) => (int)Math.Min(_workload.ChunkBytes, _workload.FileBytes - ((long)sequence * _workload.ChunkBytes));
}
