using Google.Protobuf;
using global::Grpc.Core;
using global::Grpc.Net.Client;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Services.Grpc;

/// <summary>
/// The client side of the gRPC yardstick: Grpc.Net.Client's generated client, unary calls over HTTP/2 without TLS. Each
/// simulated client has a channel and so an HTTP/2 connection of its own, as rpycbench's clients each hold their own
/// connection (and as the HTTP/REST baseline does); the first call opens it.
/// </summary>
internal sealed class GrpcServiceSystem(SystemEndpoint endpoint) : IBenchSystem
{
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(60);

    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <inheritdoc/>
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var channel = GrpcChannel.ForAddress(Endpoint.Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = ServiceCalls.MaxPayloadBytes + 1024,
            MaxSendMessageSize = ServiceCalls.MaxPayloadBytes + 1024,
        });
        return ConnectionOpening.PingedAsync(new Connection(channel), channel, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Connection(GrpcChannel channel) : ServiceConnection
    {
        private readonly BenchService.BenchServiceClient _client = new(channel);

        public override async Task<Transfer> PingAsync(CancellationToken cancellationToken)
        {
            var reply = await _client.ComputeAsync(new ComputeRequest { A = 1, B = 2 }, Options(cancellationToken)).ConfigureAwait(false);
            return reply.Sum == 3 ? Transfer.None : throw new InvalidDataException($"1 + 2 came back as {reply.Sum}.");
        }

        public override async Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken)
        {
            var request = new Payload { Data = UnsafeByteOperations.UnsafeWrap(ServiceCalls.Source.AsMemory(0, ServiceCalls.EchoBytes)) };
            var reply = await _client.EchoAsync(request, Options(cancellationToken)).ConfigureAwait(false);
            PayloadCheck.Length("An echo", reply.Data.Length, ServiceCalls.EchoBytes);
            return Transfer.None;
        }

        public override async Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken)
        {
            var reply = await _client.ComputeAsync(new ComputeRequest { A = value, B = 7 }, Options(cancellationToken)).ConfigureAwait(false);
            return reply.Sum == unchecked(value + 7) ? Transfer.None : throw new InvalidDataException($"{value} + 7 came back as {reply.Sum}.");
        }

        public override ValueTask DisposeAsync()
        {
            channel.Dispose();
            return ValueTask.CompletedTask;
        }

        private static CallOptions Options(CancellationToken cancellationToken) => new(deadline: DateTime.UtcNow + s_callTimeout, cancellationToken: cancellationToken);

        protected override async Task<Transfer> UploadAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            // Wrapped, not copied: the caller's buffer stays unchanged until the call completes.
            var reply = await _client.UploadAsync(new Payload { Data = UnsafeByteOperations.UnsafeWrap(data) }, Options(cancellationToken)).ConfigureAwait(false);
            PayloadCheck.Length("An upload's answer", reply.Bytes, data.Length);
            return new Transfer(data.Length, 0);
        }

        protected override async Task<Transfer> DownloadAsync(int bytes, CancellationToken cancellationToken)
        {
            var reply = await _client.DownloadAsync(new Length { Bytes = bytes }, Options(cancellationToken)).ConfigureAwait(false);
            PayloadCheck.Length("A download", reply.Data.Length, bytes);
            return new Transfer(0, reply.Data.Length);
        }
    }
}
