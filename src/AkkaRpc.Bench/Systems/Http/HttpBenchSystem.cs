using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace AkkaRpc.Bench.Systems.Http;

/// <summary>The client side of the HTTP/REST baseline: one <see cref="HttpClient"/> with one TCP connection per simulated client.</summary>
internal sealed class HttpBenchSystem(SystemEndpoint endpoint) : IBenchSystem
{
    private static readonly MediaTypeHeaderValue s_octets = new("application/octet-stream");

    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <inheritdoc/>
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask; // The server prepares its own file.

    /// <inheritdoc/>
    public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = ConnectionOpening.HttpClient(Endpoint.Address, TimeSpan.FromMinutes(5));
        return ConnectionOpening.PingedAsync(new Connection(client), client, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Connection(HttpClient client) : IBenchConnection
    {
        public async Task<Transfer> PingAsync(CancellationToken cancellationToken)
        {
            using var response = await client.GetAsync("ping", cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return Transfer.None;
        }

        public async Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken)
        {
            var row = await client.GetFromJsonAsync($"items/{id}", HttpJsonContext.Default.ItemRow, cancellationToken).ConfigureAwait(false);
            return row?.Id == id ? Transfer.None : throw new InvalidDataException($"Row {id} came back as {row}.");
        }

        public async Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken)
        {
            using var response = await client.PostAsJsonAsync("items", new NewItem("new", value), HttpJsonContext.Default.NewItem, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return Transfer.None;
        }

        public async Task<(long Id, Transfer Transfer)> UploadBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            using var content = new ReadOnlyMemoryContent(data);
            content.Headers.ContentType = s_octets;
            using var response = await client.PostAsync("blobs", content, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var created = await response.Content.ReadFromJsonAsync(HttpJsonContext.Default.CreatedId, cancellationToken).ConfigureAwait(false);
            return (created?.Id ?? throw new InvalidDataException("POST /blobs answered without an id."), new Transfer(data.Length, 0));
        }

        public async Task<Transfer> DownloadBlobAsync(long id, int expectedLength, CancellationToken cancellationToken)
        {
            long length = await ReadLengthAsync($"blobs/{id}", cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length($"Blob {id}", length, expectedLength);
            return new Transfer(0, length);
        }

        public async Task<Transfer> UploadChunkAsync(long transferId, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            using var content = new ReadOnlyMemoryContent(chunk);
            content.Headers.ContentType = s_octets;
            using var response = await client.PutAsync($"transfers/{transferId}/chunks/{sequence}", content, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return new Transfer(chunk.Length, 0);
        }

        public async Task<Transfer> DownloadChunkAsync(long transferId, int sequence, int expectedLength, CancellationToken cancellationToken)
        {
            long length = await ReadLengthAsync($"transfers/{transferId}/chunks/{sequence}", cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length($"Chunk {sequence} of file {transferId}", length, expectedLength);
            return new Transfer(0, length);
        }

        public async Task DeleteTransferAsync(long transferId, CancellationToken cancellationToken)
        {
            using var response = await client.DeleteAsync($"transfers/{transferId}", cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }

        public ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task<long> ReadLengthAsync(string uri, CancellationToken cancellationToken)
        {
            // Read the body as it streams and count it, as a client that writes it to disk would, without holding it whole.
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return -1;
            }

            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                long total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return total;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
