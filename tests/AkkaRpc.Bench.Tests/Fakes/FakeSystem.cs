using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Tests.Fakes;

/// <summary>
/// A system whose requests succeed at once, each moving 8 bytes up and 24 down. Gated, they wait until cancelled
/// (a request that never ends); with <see cref="HoldFirst"/>, the first requests wait until that many are outstanding
/// at once, which only overlapping requests can reach. It reports connects and cancelled requests as they happen.
/// </summary>
internal sealed class FakeSystem(SystemEndpoint endpoint, bool gated = false) : IBenchSystem, IBenchSystemFactory
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;
    private int _connects;

    public static SystemEndpoint Endpoint(string key = "fake", SystemKind kind = SystemKind.RawSocket) => new(key, kind, "tcp://127.0.0.1:1", string.Empty);

    public static Workload Queries(int requests, int warmup = 0) => new(OperationKind.PointQuery, requests, warmup, 0, 0, 0, TimeSpan.FromMinutes(1));

    /// <summary>Gets or sets how many of the first requests wait until all of them are outstanding at once.</summary>
    public int HoldFirst { get; init; }

    /// <summary>Completes when the first connection opens.</summary>
    public TaskCompletionSource Connected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a gated request sees its cancellation.</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the connections opened so far.</summary>
    public int Connects => Volatile.Read(ref _connects);

    /// <summary>Gets the requests made so far, warm-up included.</summary>
    public int Requests => Volatile.Read(ref _arrived);

    SystemEndpoint IBenchSystem.Endpoint => endpoint;

    public IBenchSystem Get(SystemEndpoint e) => this;

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connects);
        Connected.TrySetResult();
        return Task.FromResult<IBenchConnection>(new Connection(this));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<Transfer> AnswerAsync(Transfer transfer, CancellationToken cancellationToken)
    {
        int arrived = Interlocked.Increment(ref _arrived);
        if (gated)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken); // A request that never ends, until cancelled.
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult();
                throw;
            }
        }

        if (arrived <= HoldFirst)
        {
            if (arrived == HoldFirst)
            {
                _held.TrySetResult();
            }

            await _held.Task.WaitAsync(cancellationToken);
        }

        return transfer;
    }

    private sealed class Connection(FakeSystem system) : IBenchConnection
    {
        public Task<Transfer> PingAsync(CancellationToken cancellationToken) => system.AnswerAsync(Transfer.None, cancellationToken);

        public Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken) => system.AnswerAsync(new Transfer(8, 24), cancellationToken);

        public Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken) => system.AnswerAsync(Transfer.None, cancellationToken);

        public async Task<(long Id, Transfer Transfer)> UploadBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
            (1, await system.AnswerAsync(new Transfer(data.Length, 0), cancellationToken));

        public Task<Transfer> DownloadBlobAsync(long id, int expectedLength, CancellationToken cancellationToken) => system.AnswerAsync(new Transfer(0, expectedLength), cancellationToken);

        public Task<Transfer> UploadChunkAsync(long transferId, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) => system.AnswerAsync(new Transfer(chunk.Length, 0), cancellationToken);

        public Task<Transfer> DownloadChunkAsync(long transferId, int sequence, int expectedLength, CancellationToken cancellationToken) => system.AnswerAsync(new Transfer(0, expectedLength), cancellationToken);

        public Task DeleteTransferAsync(long transferId, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
