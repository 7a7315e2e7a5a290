using Akka.Hosting;
using AkkaRpc.Client;
using AkkaRpc.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaRpc.Services.Tests;

/// <summary>
/// An application hosting the greeter as the service "greeter" on a Unix socket of a temporary directory, over
/// AkkaRpc's transport, as a real host program does; the directory goes with it.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ServiceHost(string dir, IHost host, GreeterProbe probe)
    {
        Dir = dir;
        _host = host;
        Probe = probe;
    }

    public string Dir { get; }

    public GreeterProbe Probe { get; }

    public string Socket => Path.Combine(Dir, "greeter.sock");

    public AkkaRpcClientOptions ClientOptions => new()
    {
        UnixSocket = Socket,
        CookiePath = Path.Combine(Dir, "cookie"),
        AutoSpawn = false,
        PrivateConnection = true,
        RequestTimeout = TestTime.Seconds(15),
    };

    public static async Task<ServiceHost> StartAsync(Action<ServiceOptions>? configure = null)
    {
        var dir = Directory.CreateTempSubdirectory("akkarpc-services-").FullName;
        var probe = new GreeterProbe();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddAkka("AkkaRpc", akka => akka
            .WithAkkaRpcTransport(new NodeTransportOptions
            {
                TcpEnabled = false,
                UnixSocket = Path.Combine(dir, "greeter.sock"),
                CookiePath = Path.Combine(dir, "cookie"),
            })
            .WithAkkaRpcService<IGreeter, Greeter>("greeter", options =>
            {
                options.IsFatal = e => e is GreeterCorruptedException;
                configure?.Invoke(options);
            }));
        var host = builder.Build();
        await host.StartAsync();
        return new ServiceHost(dir, host, probe);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}
