using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Systems.AkkaRpc;
using AkkaRpc.Client;
using AkkaRpc.Services;

namespace AkkaRpc.Bench.Services.Proxy;

/// <summary>
/// The client side of AkkaRpc services: a generated <see cref="IBenchEcho"/> proxy from <see cref="AkkaRpcServices"/>,
/// found by service name at the host's one endpoint (TCP port or Unix socket), never auto-spawning.
/// </summary>
/// <remarks>
/// Each simulated client gets its own proxy over the process's shared client runtime, as an application's callers do
/// (and as <see cref="AkkaRpcBenchSystem"/>'s database handles do); the connection scenario opens private runtimes
/// (<see cref="ConnectFreshAsync"/>): an actor system, the association with its cookie handshake and the service's
/// resolve, what a new process pays.
/// </remarks>
internal sealed class ServiceProxySystem(SystemEndpoint endpoint, string? cookiePath = null) : IBenchSystem
{
    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <inheritdoc/>
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var proxy = await AkkaRpcServices.GetAsync<IBenchEcho>(ServiceProxyHost.ServiceName, Options(), cancellationToken).ConfigureAwait(false);
        var connection = new Connection(proxy, owned: null);
        await connection.PingAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <inheritdoc/>
    public async Task<IBenchConnection> ConnectFreshAsync(CancellationToken cancellationToken)
    {
        // A runtime of its own, which the connection closes: AkkaRpcServices' private runtimes live as long as the process.
        var options = Options();
        var runtime = ClientRuntime.StartPrivate(options);
        try
        {
            var proxy = await AkkaRpcServices.GetAsync<IBenchEcho>(runtime.System, ServiceProxyHost.ServiceName, options, cancellationToken).ConfigureAwait(false);
            var connection = new Connection(proxy, runtime);
            await connection.PingAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // The shared runtime closes with the factory (AkkaRpcClient.ShutdownAsync).

    private AkkaRpcClientOptions Options()
    {
        var options = AkkaRpcBenchSystem.OptionsFor(Endpoint.Address, cookiePath);
        options.RequestTimeout = TimeSpan.FromSeconds(60);
        return options;
    }

    private sealed class Connection(IBenchEcho proxy, IAsyncDisposable? owned) : ServiceConnection
    {
        private static readonly byte[] s_echo = ServiceCalls.Source[..ServiceCalls.EchoBytes];

        public override async Task<Transfer> PingAsync(CancellationToken cancellationToken)
        {
            long sum = await proxy.ComputeAsync(1, 2, cancellationToken).ConfigureAwait(false);
            return sum == 3 ? Transfer.None : throw new InvalidDataException($"1 + 2 came back as {sum}.");
        }

        public override async Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken)
        {
            byte[] echoed = await proxy.EchoAsync(s_echo, cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length("An echo", echoed.Length, ServiceCalls.EchoBytes);
            return Transfer.None;
        }

        public override async Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken)
        {
            long sum = await proxy.ComputeAsync(value, 7, cancellationToken).ConfigureAwait(false);
            return sum == unchecked(value + 7) ? Transfer.None : throw new InvalidDataException($"{value} + 7 came back as {sum}.");
        }

        public override async ValueTask DisposeAsync()
        {
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
        }

        protected override async Task<Transfer> UploadAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            // The interface takes a byte[]: a caller holding a whole array (the bench's buffers are) passes it as it is.
            byte[] array = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : data.ToArray();
            int length = await proxy.UploadAsync(array, cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length("An upload's answer", length, data.Length);
            return new Transfer(data.Length, 0);
        }

        protected override async Task<Transfer> DownloadAsync(int bytes, CancellationToken cancellationToken)
        {
            byte[] data = await proxy.DownloadAsync(bytes, cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length("A download", data.Length, bytes);
            return new Transfer(0, data.Length);
        }
    }
}
