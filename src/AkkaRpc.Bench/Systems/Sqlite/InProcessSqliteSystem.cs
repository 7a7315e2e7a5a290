namespace AkkaRpc.Bench.Systems.Sqlite;

/// <summary>
/// The floor of the database: the same statements on SQLite opened inside the load generator's process, with no
/// network, no serialization and no owner in between. Only the coordinator runs it, on its own file.
/// </summary>
internal sealed class InProcessSqliteSystem(SystemEndpoint endpoint) : IBenchSystem
{
    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <inheritdoc/>
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        SqliteStore.Prepare(Endpoint.Address);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IBenchConnection>(new Connection(SqliteStore.Open(Endpoint.Address)));

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Connection(SqliteStore store) : IBenchConnection
    {
        // One SQLite connection is not safe for overlapping calls (a pipelined workload): they take turns.
        private readonly Lock _gate = new();

        public Task<Transfer> PingAsync(CancellationToken cancellationToken) => Task.FromResult(Transfer.None);

        public Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken) =>
            Task.FromResult(Locked(() => store.PointQuery(id)) is null ? throw new InvalidDataException($"Row {id} is missing.") : Transfer.None);

        public Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken)
        {
            Locked(() => store.Insert(value));
            return Task.FromResult(Transfer.None);
        }

        public Task<(long Id, Transfer Transfer)> UploadBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
            Task.FromResult((Locked(() => store.InsertBlob(data.ToArray())), new Transfer(data.Length, 0)));

        public Task<Transfer> DownloadBlobAsync(long id, int expectedLength, CancellationToken cancellationToken)
        {
            int length = Locked(() => store.SelectBlob(id))?.Length ?? -1;
            PayloadCheck.Length($"Blob {id}", length, expectedLength);
            return Task.FromResult(new Transfer(0, length));
        }

        public Task<Transfer> UploadChunkAsync(long transferId, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            Locked(() => store.InsertChunk(transferId, sequence, chunk.ToArray()));
            return Task.FromResult(new Transfer(chunk.Length, 0));
        }

        public Task<Transfer> DownloadChunkAsync(long transferId, int sequence, int expectedLength, CancellationToken cancellationToken)
        {
            int length = Locked(() => store.SelectChunk(transferId, sequence))?.Length ?? -1;
            PayloadCheck.Length($"Chunk {sequence} of file {transferId}", length, expectedLength);
            return Task.FromResult(new Transfer(0, length));
        }

        public Task DeleteTransferAsync(long transferId, CancellationToken cancellationToken)
        {
            Locked(() => store.DeleteTransfer(transferId));
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            store.Dispose();
            return ValueTask.CompletedTask;
        }

        private T Locked<T>(Func<T> call)
        {
            lock (_gate)
            {
                return call();
            }
        }

        private void Locked(Action call)
        {
            lock (_gate)
            {
                call();
            }
        }
    }
}
