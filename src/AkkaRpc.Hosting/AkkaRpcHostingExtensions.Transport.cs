using Akka;
using Akka.Actor;
using Akka.Hosting;
using AkkaRpc.Transport;

namespace AkkaRpc.Hosting;

/// <content>Listening for other processes.</content>
public static partial class AkkaRpcHostingExtensions
{
    /// <summary>
    /// Makes this actor system reachable from other processes over AkkaRpc's authenticated transport (loopback TCP and/or
    /// a Unix socket, see <see cref="NodeTransportOptions"/>), in Akka.Remote's untrusted mode. When the system shuts
    /// down it first stops accepting connections (<c>before-service-unbind</c>), so clients look elsewhere, while the
    /// connections already open carry the replies of the drain.
    /// </summary>
    public static AkkaConfigurationBuilder WithAkkaRpcTransport(this AkkaConfigurationBuilder builder, NodeTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new NodeTransportOptions();
        if (options.ToSetup() is { } tls)
        {
            builder.AddSetup(tls);
        }

        return builder
            .AddHocon(options.ToConfig(), HoconAddMode.Prepend)
            .AddHocon(AkkaRpcTransportConfig.Default, HoconAddMode.Append)
            .WithAkkaRpcSerialization()
            .AddStartup((system, _) =>
            {
                var transports = AkkaRpcTransportExtension.Get(system);
                CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "akkarpc-stop-accepting", () =>
                {
                    transports.StopAccepting();
                    return Task.FromResult(Done.Instance);
                });
            });
    }
}
