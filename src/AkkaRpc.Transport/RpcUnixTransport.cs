using Akka.Actor;
using Akka.Configuration;
using Akka.Remote.Transport;
using AkkaRpc.Transport.Connections;

namespace AkkaRpc.Transport;

/// <summary>
/// Unix domain socket transport for Akka.Remote (scheme <c>rpc.unix</c>, addresses <c>akka.rpc.unix://...</c>):
/// an HMAC cookie handshake authenticates every connection before any Akka frame passes; its socket file is 0600 in a 0700 directory and the peer must run as this user (SO_PEERCRED).
/// Akka.Remote constructs it from <c>akka.remote.rpc-unix</c> when that section is in <c>akka.remote.enabled-transports</c>.
/// </summary>
public sealed class RpcUnixTransport : Akka.Remote.Transport.Transport
{
    /// <summary>The scheme identifier; Akka.Remote prefixes it with <c>akka.</c> in addresses.</summary>
    public const string Scheme = "rpc.unix";

    private readonly TransportCore _core;

    /// <summary>Creates the transport from its config section (the constructor Akka.Remote calls).</summary>
    public RpcUnixTransport(ActorSystem system, Config config)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        Config = config;
        _core = new TransportCore(new UnixFamily(), system, TransportSettings.Read(config, "akka.remote.rpc-unix"));
        SchemeIdentifier = Scheme;
        MaximumPayloadBytes = _core.Settings.MaximumFrameSize;
    }

    internal TransportCore Core => _core;

    /// <inheritdoc />
    public override Task<(Address, TaskCompletionSource<IAssociationEventListener>)> Listen() => _core.ListenAsync();

    /// <inheritdoc />
    public override bool IsResponsibleFor(Address remote) => true;

    /// <inheritdoc />
    public override Task<AssociationHandle> Associate(Address remoteAddress) => _core.AssociateAsync(remoteAddress);

    /// <inheritdoc />
    public override Task<bool> Shutdown() => _core.ShutdownAsync();
}
