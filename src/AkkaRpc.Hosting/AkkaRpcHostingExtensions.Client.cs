using Akka.Hosting;
using AkkaRpc.Client;

namespace AkkaRpc.Hosting;

/// <content>Reaching other nodes from an application's own actor system.</content>
public static partial class AkkaRpcHostingExtensions
{
    /// <summary>
    /// Lets this actor system reach AkkaRpc nodes: Akka.Remote over AkkaRpc's transports in client mode (it listens
    /// nowhere; replies come back over the connections it opens) and AkkaRpc's serializers. Then connect with
    /// <see cref="AkkaRpcClient.ConnectAsync(Akka.Actor.ActorSystem, string, AkkaRpcClientOptions?, CancellationToken)"/>
    /// for an <see cref="AkkaRpcDatabase"/>, or <see cref="AkkaRpcClient.ResolveOwnerAsync"/> for the owner's
    /// <c>IActorRef</c> to send <c>Query</c>, <c>Execute</c>, ... to yourself.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The cookie file and connect timeout to use; the rest is given per connect.</param>
    public static AkkaConfigurationBuilder WithAkkaRpcClient(this AkkaConfigurationBuilder builder, AkkaRpcClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new AkkaRpcClientOptions();
        options.Validate();
        var configured = builder.AddHocon(AkkaRpcClientConfig.For(options), HoconAddMode.Prepend);
        if (AkkaRpcClientConfig.Setup(options) is { } tls)
        {
            configured = configured.AddSetup(tls);
        }

        return configured
            .WithAkkaRpcSerialization();
    }
}
