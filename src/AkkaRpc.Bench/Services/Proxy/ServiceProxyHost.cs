using Akka.Actor;
using Akka.Hosting;
using Akka.Remote;
using AkkaRpc.Hosting;
using AkkaRpc.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Bench.Services.Proxy;

/// <summary>
/// The AkkaRpc services server of <c>bench services</c>, as an application hosts a service: Akka.Hosting with
/// <c>WithAkkaRpcTransport</c> (loopback TCP and a Unix socket) and <c>WithAkkaRpcService&lt;IBenchEcho, BenchEcho&gt;</c>.
/// </summary>
internal sealed class ServiceProxyHost : IAsyncDisposable
{
    /// <summary>The name callers find the service by.</summary>
    public const string ServiceName = "bench-echo";

    private readonly IHost _host;

    private ServiceProxyHost(IHost host, IReadOnlyList<string> addresses)
    {
        _host = host;
        Addresses = addresses;
    }

    /// <summary>Gets the addresses it listens at (<c>akka.rpc.tcp://…</c>, and <c>akka.rpc.unix://…</c> with a socket), ordered.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Starts listening on TCP <paramref name="host"/>:<paramref name="port"/> (0 picks one) and, when given, on <paramref name="socketPath"/>.</summary>
    public static async Task<ServiceProxyHost> StartAsync(string host, int port, string? socketPath, string? cookiePath, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        // The same system name as the hand-written actor's host, so the two differ by the service layer alone.
        builder.Services.AddAkka(Actors.ServiceActorConfig.SystemName, akka => akka
            .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend)
            .WithAkkaRpcTransport(new NodeTransportOptions { Hostname = host, Port = port, UnixSocket = socketPath, CookiePath = cookiePath })
            .WithAkkaRpcService<IBenchEcho, BenchEcho>(ServiceName));
        var app = builder.Build();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var system = (ExtendedActorSystem)app.Services.GetRequiredService<ActorSystem>();
        var addresses = ((IRemoteActorRefProvider)system.Provider).Transport.Addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal).ToList();
        return new ServiceProxyHost(app, addresses);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
