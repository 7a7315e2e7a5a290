using Akka.Actor;
using Akka.Remote;
using AkkaRpc.Bench.Remoting;

namespace AkkaRpc.Bench.Services.Actors;

/// <summary>
/// The hand-written echo service's server: an actor system on AkkaRpc's transport hosting one
/// <see cref="EchoServiceActor"/> at <c>/user/echo</c>, in a process of its own like every server of the bench.
/// </summary>
internal sealed class ActorServiceHost : IAsyncDisposable
{
    private readonly ActorSystem _system;

    private ActorServiceHost(ActorSystem system, IReadOnlyList<string> addresses)
    {
        _system = system;
        Addresses = addresses;
    }

    /// <summary>Gets the addresses it listens at (<c>akka.rpc.tcp://…</c>, and <c>akka.rpc.unix://…</c> with a socket), ordered.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Starts listening on TCP <paramref name="host"/>:<paramref name="port"/> (0 picks one) and, when given, on <paramref name="socketPath"/>.</summary>
    public static ActorServiceHost Start(string host, int port, string? socketPath, string? cookiePath)
    {
        var system = BenchActorSystems.Create(ServiceActorConfig.SystemName, ServiceActorConfig.Host(host, port, socketPath, cookiePath));
        system.ActorOf(EchoServiceActor.Props(), EchoServiceActor.Name);
        var addresses = ((IRemoteActorRefProvider)((ExtendedActorSystem)system).Provider).Transport.Addresses
            .Select(a => a.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ActorServiceHost(system, addresses);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() =>
        await CoordinatedShutdown.Get(_system).Run(BenchFinished.SystemUnderTest).ConfigureAwait(false);
}
