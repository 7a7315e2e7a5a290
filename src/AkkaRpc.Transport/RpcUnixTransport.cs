using Akka.Actor;
using Akka.Configuration;
using AkkaRpc.Transport.Connections;

namespace AkkaRpc.Transport;

/// <summary>
/// Unix domain socket transport for Akka.Remote (scheme <c>rpc.unix</c>, addresses <c>akka.rpc.unix://...</c>);
/// its socket file is 0600 in a 0700 directory and the peer must run as this user (SO_PEERCRED). Akka.Remote constructs it from <c>akka.remote.rpc-unix</c> when that section is in
/// <c>akka.remote.enabled-transports</c>.
/// </summary>
public sealed class RpcUnixTransport : RpcTransport
{
    /// <summary>The scheme identifier; Akka.Remote prefixes it with <c>akka.</c> in addresses.</summary>
    public const string Scheme = "rpc.unix";

    /// <summary>Creates the transport from its config section (the constructor Akka.Remote calls).</summary>
    public RpcUnixTransport(ActorSystem system, Config config)
        : base(system, config, new UnixFamily(), "akka.remote.rpc-unix")
    {
    }
}
