using System.Net;
using AkkaRpc.Bench.Systems.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Bench.Systems.Http;

/// <summary>
/// The HTTP/REST baseline, rpycbench's Flask server done the way a .NET developer would: a Kestrel minimal API that owns
/// the database file, JSON for rows (source-generated) and raw bytes for blobs, one pooled SQLite connection per request.
/// </summary>
internal sealed class HttpBaselineServer : IAsyncDisposable
{
    /// <summary>The database file's name in the data directory.</summary>
    public const string DatabaseFile = "http-baseline.db";

    private readonly WebApplication _app;

    private HttpBaselineServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Gets the base URL the server answers on.</summary>
    public Uri Url { get; }

    /// <summary>Prepares the database in <paramref name="dataDirectory"/> and starts listening on <paramref name="bindAddress"/>:<paramref name="port"/> (0 picks one).</summary>
    public static async Task<HttpBaselineServer> StartAsync(string dataDirectory, IPAddress bindAddress, int port, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        string path = Path.Combine(dataDirectory, DatabaseFile);
        SqliteStore.Prepare(path);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(bindAddress, port));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, HttpJsonContext.Default));
        var app = builder.Build();
        Map(app, path);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpBaselineServer(app, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Completes when the server has stopped.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Map(WebApplication app, string path)
    {
        app.MapGet("/ping", () => HttpResults.Text("pong"));
        app.MapGet("/items/{id:long}", (long id) =>
        {
            using var store = SqliteStore.Open(path);
            return store.PointQuery(id) is { } row ? HttpResults.Ok(row) : HttpResults.NotFound();
        });
        app.MapPost("/items", (NewItem item) =>
        {
            using var store = SqliteStore.Open(path);
            return HttpResults.Ok(new CreatedId(store.Insert(item.Value)));
        });
        app.MapPost("/blobs", async (HttpRequest request) =>
        {
            byte[] data = await ReadBodyAsync(request).ConfigureAwait(false);
            using var store = SqliteStore.Open(path);
            return HttpResults.Ok(new CreatedId(store.InsertBlob(data)));
        });
        app.MapGet("/blobs/{id:long}", (long id) =>
        {
            using var store = SqliteStore.Open(path);
            return store.SelectBlob(id) is { } data ? HttpResults.Bytes(data, "application/octet-stream") : HttpResults.NotFound();
        });
        app.MapPut("/transfers/{transfer:long}/chunks/{seq:int}", async (long transfer, int seq, HttpRequest request) =>
        {
            byte[] data = await ReadBodyAsync(request).ConfigureAwait(false);
            using var store = SqliteStore.Open(path);
            store.InsertChunk(transfer, seq, data);
            return HttpResults.NoContent();
        });
        app.MapGet("/transfers/{transfer:long}/chunks/{seq:int}", (long transfer, int seq) =>
        {
            using var store = SqliteStore.Open(path);
            return store.SelectChunk(transfer, seq) is { } data ? HttpResults.Bytes(data, "application/octet-stream") : HttpResults.NotFound();
        });
        app.MapDelete("/transfers/{transfer:long}", (long transfer) =>
        {
            using var store = SqliteStore.Open(path);
            store.DeleteTransfer(transfer);
            return HttpResults.NoContent();
        });
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        // The body is one blob or one chunk, bounded by what clients send (at most the largest payload or chunk size).
        using var buffer = new MemoryStream(request.ContentLength is { } length and <= int.MaxValue ? (int)length : 0);
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
