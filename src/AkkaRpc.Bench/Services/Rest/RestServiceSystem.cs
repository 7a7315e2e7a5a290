using System.Net.Http.Headers;
using System.Net.Http.Json;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Services.Rest;

/// <summary>The client side of the REST echo/compute service: one <see cref="HttpClient"/> with one connection per simulated client.</summary>
internal sealed class RestServiceSystem(SystemEndpoint endpoint) : IBenchSystem
{
    private static readonly MediaTypeHeaderValue s_octets = new("application/octet-stream");

    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <inheritdoc/>
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = ConnectionOpening.HttpClient(Endpoint.Address, TimeSpan.FromMinutes(1));
        return ConnectionOpening.PingedAsync(new Connection(client), client, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Connection(HttpClient client) : ServiceConnection
    {
        public override Task<Transfer> PingAsync(CancellationToken cancellationToken) => ComputeAsync(1, 2, cancellationToken);

        public override async Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken)
        {
            using var content = Octets(ServiceCalls.Source.AsMemory(0, ServiceCalls.EchoBytes));
            using var response = await client.PostAsync("echo", content, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            byte[] echoed = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length("An echo", echoed.Length, ServiceCalls.EchoBytes);
            return Transfer.None;
        }

        public override Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken) => ComputeAsync(value, 7, cancellationToken);

        public override ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }

        private static ReadOnlyMemoryContent Octets(ReadOnlyMemory<byte> data)
        {
            var content = new ReadOnlyMemoryContent(data);
            content.Headers.ContentType = s_octets;
            return content;
        }

        private async Task<Transfer> ComputeAsync(long a, long b, CancellationToken cancellationToken)
        {
            var answer = await client.GetFromJsonAsync($"compute/{a}/{b}", RestJsonContext.Default.SumAnswer, cancellationToken).ConfigureAwait(false);
            return answer?.Sum == unchecked(a + b) ? Transfer.None : throw new InvalidDataException($"{a} + {b} came back as {answer}.");
        }

        protected override async Task<Transfer> UploadAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            using var content = Octets(data);
            using var response = await client.PostAsync("upload", content, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync(RestJsonContext.Default.LengthAnswer, cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length("An upload's answer", answer?.Bytes ?? -1, data.Length);
            return new Transfer(data.Length, 0);
        }

        protected override async Task<Transfer> DownloadAsync(int bytes, CancellationToken cancellationToken)
        {
            using var response = await client.GetAsync($"download/{bytes}", cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            byte[] data = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length("A download", data.Length, bytes);
            return new Transfer(0, data.Length);
        }
    }
}
