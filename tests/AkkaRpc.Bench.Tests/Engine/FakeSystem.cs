using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Tests.Engine;

/// <summary>A system whose requests succeed at once, or, when gated, wait until cancelled; it tells a callback when a client connects.</summary>
internal sealed class FakeSystem(SystemEndpoint endpoint, bool gated = false, Action? onConnect = null) : IBenchSystem, IBenchSystemFactory
{
    public static SystemEndpoint Endpoint(string key = "fake") => new(key, SystemKind.RawSocket, "tcp://127.0.0.1:1", string.Empty);

    public static Workload Queries(int requests) => new(OperationKind.PointQuery, requests, 0, 0, 0, 0, TimeSpan.FromMinutes(1));

    SystemEndpoint IBenchSystem.Endpoint => endpoint;

    public IBenchSystem Get(SystemEndpoint e) => this;

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        onConnect?.Invoke();
        return Task.FromResult<IBenchConnection>(new Connection(gated));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Connection(bool gated) : IBenchConnection
    {
        public Task<Transfer> PingAsync(CancellationToken cancellationToken) => Answer(Transfer.None, cancellationToken);

        public Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken) => Answer(new Transfer(8, 24), cancellationToken);

        public Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken) => Answer(Transfer.None, cancellationToken);

        public async Task<(long Id, Transfer Transfer)> UploadBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
            (1, await Answer(new Transfer(data.Length, 0), cancellationToken));

        public Task<Transfer> DownloadBlobAsync(long id, int expectedLength, CancellationToken cancellationToken) => Answer(new Transfer(0, expectedLength), cancellationToken);

        public Task<Transfer> UploadChunkAsync(long transferId, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) => Answer(new Transfer(chunk.Length, 0), cancellationToken);

        public Task<Transfer> DownloadChunkAsync(long transferId, int sequence, int expectedLength, CancellationToken cancellationToken) => Answer(new Transfer(0, expectedLength), cancellationToken);

        public Task DeleteTransferAsync(long transferId, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private async Task<Transfer> Answer(Transfer transfer, CancellationToken cancellationToken)
        {
            if (gated)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken); // Waits for cancellation: a request that never ends.
            }

            return transfer;
        }
    }
}
