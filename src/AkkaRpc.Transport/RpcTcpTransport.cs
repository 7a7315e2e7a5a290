using Akka.Actor;
using Akka.Configuration;
using Akka.Remote.Transport;
using AkkaRpc.Transport.Connections;

namespace AkkaRpc.Transport;

/// <summary>
/// Loopback TCP transport for Akka.Remote (scheme <c>rpc.tcp</c>, addresses <c>akka.rpc.tcp://...</c>):
/// an HMAC cookie handshake authenticates every connection before any Akka frame passes; binds 127.0.0.1 unless <c>allow-non-loopback = on</c>.
/// Akka.Remote constructs it from <c>akka.remote.rpc-tcp</c> when that section is in <c>akka.remote.enabled-transports</c>.
/// </summary>
public sealed class RpcTcpTransport : Akka.Remote.Transport.Transport
{
    /// <summary>The scheme identifier; Akka.Remote prefixes it with <c>akka.</c> in addresses.</summary>
    public const string Scheme = "rpc.tcp";

    private readonly TransportCore _core;

    /// <summary>Creates the transport from its config section (the constructor Akka.Remote calls).</summary>
    public RpcTcpTransport(ActorSystem system, Config config)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        Config = config;
        _core = new TransportCore(new TcpFamily(), system, TransportSettings.Read(config, "akka.remote.rpc-tcp"));
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
