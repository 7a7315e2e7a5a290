using System.Net;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Systems.Http;

namespace AkkaRpc.Bench.Tests.Systems;

public sealed class HttpBaselineTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-bench-http-");
    private HttpBaselineServer? _server;

    public async Task InitializeAsync() =>
        _server = await HttpBaselineServer.StartAsync(_directory.FullName, IPAddress.Loopback, 0, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Baseline_AnswersEveryOperation_FromItsSeededDatabase()
    {
        var system = new HttpBenchSystem(new SystemEndpoint(SystemCatalog.Http, SystemKind.Http, _server!.Url.ToString(), string.Empty));
        await using var connection = await system.ConnectAsync(CancellationToken.None);

        await connection.PointQueryAsync(BenchSchema.SeedRows, CancellationToken.None);
        await Assert.ThrowsAsync<HttpRequestException>(() => connection.PointQueryAsync(BenchSchema.SeedRows + 1_000_000, CancellationToken.None));
        await connection.InsertAsync(5, CancellationToken.None);

        var blob = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();
        var (id, upload) = await connection.UploadBlobAsync(blob, CancellationToken.None);
        Assert.Equal(4096, upload.Sent);
        Assert.Equal(4096, (await connection.DownloadBlobAsync(id, 4096, CancellationToken.None)).Received);
        await Assert.ThrowsAsync<InvalidDataException>(() => connection.DownloadBlobAsync(id, 10, CancellationToken.None));

        await connection.UploadChunkAsync(77, 0, blob.AsMemory(0, 1000), CancellationToken.None);
        Assert.Equal(1000, (await connection.DownloadChunkAsync(77, 0, 1000, CancellationToken.None)).Received);
        await connection.DeleteTransferAsync(77, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidDataException>(() => connection.DownloadChunkAsync(77, 0, 1000, CancellationToken.None));
    }
}
