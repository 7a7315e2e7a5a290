using Akka.Actor;
using Akka.Configuration;
using Akka.Remote.Transport;
using AkkaRpc.Transport.Connections;

namespace AkkaRpc.Transport;

/// <summary>
/// What <see cref="RpcTcpTransport"/> and <see cref="RpcUnixTransport"/> share: an Akka.Remote transport whose every
/// connection passes the HMAC cookie handshake before any Akka frame, with hard limits from its config section.
/// Only this assembly derives from it.
/// </summary>
public abstract class RpcTransport : Akka.Remote.Transport.Transport
{
    private readonly TransportCore _core;

    private protected RpcTransport(ActorSystem system, Config config, SocketFamily family, string defaultsPath)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        Config = config;
        _core = new TransportCore(family, system, TransportSettings.Read(config, defaultsPath));
        SchemeIdentifier = family.Scheme;
        MaximumPayloadBytes = _core.Settings.MaximumFrameSize;
    }

    internal TransportCore Core => _core;

    /// <inheritdoc />
    public sealed override Task<(Address, TaskCompletionSource<IAssociationEventListener>)> Listen() => _core.ListenAsync();

    /// <inheritdoc />
    public sealed override bool IsResponsibleFor(Address remote) => true;

    /// <inheritdoc />
    public sealed override Task<AssociationHandle> Associate(Address remoteAddress) => _core.AssociateAsync(remoteAddress);

    /// <inheritdoc />
    public sealed override Task<bool> Shutdown() => _core.ShutdownAsync();
}
