using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace AkkaRpc.Bench.Services.Rest;

/// <summary>
/// The echo/compute service over HTTP/REST as a .NET developer writes it: a Kestrel minimal API, raw bytes for payloads
/// and source-generated JSON for numbers (<c>POST /echo</c>, <c>GET /compute/{a}/{b}</c>, <c>POST /upload</c>,
/// <c>GET /download/{bytes}</c>), HTTP/1.1 on loopback.
/// </summary>
internal sealed class RestServiceServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RestServiceServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Gets the base URL the server answers on.</summary>
    public Uri Url { get; }

    /// <summary>Starts listening on <paramref name="bindAddress"/>:<paramref name="port"/> (0 picks one).</summary>
    public static async Task<RestServiceServer> StartAsync(IPAddress bindAddress, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(bindAddress, port);
            o.Limits.MaxRequestBodySize = ServiceCalls.MaxPayloadBytes;
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, RestJsonContext.Default));
        var app = builder.Build();
        app.MapPost("/echo", async (HttpRequest request) =>
            await ReadBodyAsync(request).ConfigureAwait(false) is { } body ? HttpResults.Bytes(body, "application/octet-stream") : LengthRequired());
        app.MapGet("/compute/{a:long}/{b:long}", (long a, long b) => HttpResults.Ok(new SumAnswer(unchecked(a + b))));
        app.MapPost("/upload", async (HttpRequest request) =>
            await ReadBodyAsync(request).ConfigureAwait(false) is { } body ? HttpResults.Ok(new LengthAnswer(body.Length)) : LengthRequired());
        app.MapGet("/download/{bytes:int}", (int bytes) => ServiceCalls.DownloadRefusal(bytes) is { } reason
            ? HttpResults.Problem(reason, statusCode: StatusCodes.Status400BadRequest)
            : HttpResults.Bytes(ServiceCalls.Source.AsMemory(0, bytes), "application/octet-stream"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RestServiceServer(app, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IResult LengthRequired() =>
        HttpResults.Problem("The body needs a Content-Length (the payload is read into one buffer of that size).", statusCode: StatusCodes.Status411LengthRequired);

    /// <summary>Reads the whole body into one array of its declared length (bounded by Kestrel's body limit); null without one.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is not { } length)
        {
            return null;
        }

        var body = new byte[length];
        await request.Body.ReadExactlyAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return body;
    }
}
