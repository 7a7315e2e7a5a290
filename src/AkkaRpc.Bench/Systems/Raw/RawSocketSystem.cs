using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace AkkaRpc.Bench.Systems.Raw;

/// <summary>
/// The client side of the raw floor: each operation becomes the bytes it would move, with no SQL behind it. Point
/// queries and inserts are 64-byte echoes; uploads are sunk; downloads are sourced at the asked size.
/// </summary>
internal sealed class RawSocketSystem(SystemEndpoint endpoint) : IBenchSystem
{
    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <inheritdoc/>
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var endPoint = RawProtocol.ParseAddress(Endpoint.Address);
        var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            var connection = new Connection(new NetworkStream(socket, ownsSocket: true));
            await connection.PingAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Connection(NetworkStream stream) : IBenchConnection
    {
        // Overlapping calls (a pipelined workload) write one at a time and read their answers in the order they wrote,
        // as the server answers; each side has buffers of its own. A lone caller never waits on either.
        private readonly SemaphoreSlim _writeGate = new(1, 1);
        private readonly byte[] _header = new byte[RawProtocol.HeaderSize];
        private readonly byte[] _echo = EchoRequest();
        private readonly byte[] _answer = new byte[RawProtocol.SmallRequestSize];
        private readonly byte[] _lengthPrefix = new byte[4];
        private Task _lastRead = Task.CompletedTask;

        public Task<Transfer> PingAsync(CancellationToken cancellationToken) => EchoAsync(cancellationToken);

        public Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken) => EchoAsync(cancellationToken);

        public Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken) => EchoAsync(cancellationToken);

        public async Task<(long Id, Transfer Transfer)> UploadBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
            (0, await SinkAsync(data, cancellationToken).ConfigureAwait(false));

        public Task<Transfer> DownloadBlobAsync(long id, int expectedLength, CancellationToken cancellationToken) =>
            SourceAsync(expectedLength, cancellationToken);

        public Task<Transfer> UploadChunkAsync(long transferId, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) =>
            SinkAsync(chunk, cancellationToken);

        public Task<Transfer> DownloadChunkAsync(long transferId, int sequence, int expectedLength, CancellationToken cancellationToken) =>
            SourceAsync(expectedLength, cancellationToken);

        public Task DeleteTransferAsync(long transferId, CancellationToken cancellationToken) => Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            _writeGate.Dispose();
        }

        private Task<Transfer> EchoAsync(CancellationToken cancellationToken) => ExchangeAsync(
            async ct => await stream.WriteAsync(_echo, ct).ConfigureAwait(false),
            async ct =>
            {
                int length = await ReadLengthAsync(ct).ConfigureAwait(false);
                PayloadCheck.Length("An echo", length, _answer.Length);
                await stream.ReadExactlyAsync(_answer, ct).ConfigureAwait(false);
                return Transfer.None;
            },
            cancellationToken);

        private Task<Transfer> SinkAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => ExchangeAsync(
            async ct =>
            {
                RawProtocol.WriteHeader(_header, RawProtocol.Sink, 0, data.Length);
                await stream.WriteAsync(_header, ct).ConfigureAwait(false);
                await stream.WriteAsync(data, ct).ConfigureAwait(false);
            },
            async ct =>
            {
                PayloadCheck.Length("A sink's answer", await ReadLengthAsync(ct).ConfigureAwait(false), 0);
                return new Transfer(data.Length, 0);
            },
            cancellationToken);

        private Task<Transfer> SourceAsync(int size, CancellationToken cancellationToken) => ExchangeAsync(
            async ct =>
            {
                RawProtocol.WriteHeader(_header, RawProtocol.Source, size, 0);
                await stream.WriteAsync(_header, ct).ConfigureAwait(false);
            },
            async ct =>
            {
                int length = await ReadLengthAsync(ct).ConfigureAwait(false);
                PayloadCheck.Length("A download", length, size);
                await SkipAsync(length, ct).ConfigureAwait(false);
                return new Transfer(0, length);
            },
            cancellationToken);

        /// <summary>An echo's header and payload in one buffer, so each echo is one write: the least a request costs.</summary>
        private static byte[] EchoRequest()
        {
            var request = new byte[RawProtocol.HeaderSize + RawProtocol.SmallRequestSize];
            RawProtocol.WriteHeader(request, RawProtocol.Echo, 0, RawProtocol.SmallRequestSize);
            return request;
        }

        private async Task<Transfer> ExchangeAsync(Func<CancellationToken, Task> write, Func<CancellationToken, Task<Transfer>> read, CancellationToken cancellationToken)
        {
            var readDone = new TaskCompletionSource();
            try
            {
                Task previousRead;
                await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    previousRead = _lastRead;
                    _lastRead = readDone.Task;
                    await write(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _writeGate.Release();
                }

                await previousRead.ConfigureAwait(false);
                return await read(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                readDone.TrySetResult();
            }
        }

        private async Task SkipAsync(int length, CancellationToken cancellationToken)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(length, 1), 1024 * 1024));
            try
            {
                for (int left = length; left > 0;)
                {
                    int n = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(left, buffer.Length)), cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new EndOfStreamException("The raw floor server closed the connection mid-answer.");
                    }

                    left -= n;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private async Task<int> ReadLengthAsync(CancellationToken cancellationToken)
        {
            await stream.ReadExactlyAsync(_lengthPrefix, cancellationToken).ConfigureAwait(false);
            int length = BinaryPrimitives.ReadInt32LittleEndian(_lengthPrefix);
            return length is < 0 or > RawProtocol.MaxPayload ? throw new InvalidDataException($"The raw floor answered with length {length}.") : length;
        }
    }
}
