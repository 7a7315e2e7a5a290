using System.Net;
using AkkaRpc.Bench.Services.Actors;
using AkkaRpc.Bench.Services.Grpc;
using AkkaRpc.Bench.Services.Proxy;
using AkkaRpc.Bench.Services.Rest;

namespace AkkaRpc.Bench.Services;

/// <summary>The process side of <c>akkarpc bench-service-server</c>: starts one server, says where it listens, serves until cancelled.</summary>
internal static class ServiceServerHost
{
    /// <summary>
    /// Runs the <paramref name="kind"/> server on <paramref name="host"/>:<paramref name="port"/> (and, for the actor and the service,
    /// <paramref name="socketPath"/>) until <paramref name="cancellationToken"/> is cancelled; <paramref name="listening"/>
    /// hears each address once the server is ready.
    /// </summary>
    public static async Task RunAsync(
        ServiceServerKind kind, IPAddress host, int port, string? socketPath, string? cookiePath, Func<string, Task> listening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(listening);
        IAsyncDisposable server;
        IReadOnlyList<string> addresses;
        switch (kind)
        {
            case ServiceServerKind.Actor:
                var actor = ActorServiceHost.Start(host.ToString(), port, socketPath, cookiePath);
                (server, addresses) = (actor, actor.Addresses);
                break;
            case ServiceServerKind.Service:
                var service = await ServiceProxyHost.StartAsync(host.ToString(), port, socketPath, cookiePath, cancellationToken).ConfigureAwait(false);
                (server, addresses) = (service, service.Addresses);
                break;
            case ServiceServerKind.Grpc:
                var grpc = await GrpcServiceServer.StartAsync(host, port, cancellationToken).ConfigureAwait(false);
                (server, addresses) = (grpc, [grpc.Url.ToString().TrimEnd('/')]);
                break;
            case ServiceServerKind.Rest:
                var rest = await RestServiceServer.StartAsync(host, port, cancellationToken).ConfigureAwait(false);
                (server, addresses) = (rest, [rest.Url.ToString().TrimEnd('/')]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a server of akkarpc bench services.");
        }

        await using (server.ConfigureAwait(false))
        {
            foreach (var address in addresses)
            {
                await listening(address).ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop serving.
            }
        }
    }
}
