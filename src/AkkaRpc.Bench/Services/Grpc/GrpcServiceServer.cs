using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Bench.Services.Grpc;

/// <summary>
/// The gRPC yardstick's server: Grpc.AspNetCore on Kestrel, HTTP/2 only without TLS (h2c, as gRPC on loopback runs),
/// serving <see cref="GrpcBenchService"/>.
/// </summary>
internal sealed class GrpcServiceServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcServiceServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Gets the base URL the server answers on.</summary>
    public Uri Url { get; }

    /// <summary>Starts listening on <paramref name="bindAddress"/>:<paramref name="port"/> (0 picks one).</summary>
    public static async Task<GrpcServiceServer> StartAsync(IPAddress bindAddress, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(bindAddress, port, listen => listen.Protocols = HttpProtocols.Http2);
            o.Limits.MaxRequestBodySize = null; // gRPC's own message limit below applies.
        });
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = ServiceCalls.MaxPayloadBytes + 1024;
            o.MaxSendMessageSize = ServiceCalls.MaxPayloadBytes + 1024;
        });
        var app = builder.Build();
        app.MapGrpcService<GrpcBenchService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GrpcServiceServer(app, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
