using Akka.Actor;
using Akka.Configuration;
using AkkaRpc.Transport.Connections;

namespace AkkaRpc.Transport;

/// <summary>
/// Loopback TCP transport for Akka.Remote (scheme <c>rpc.tcp</c>, addresses <c>akka.rpc.tcp://...</c>);
/// binds 127.0.0.1 unless <c>allow-non-loopback = on</c>. Akka.Remote constructs it from <c>akka.remote.rpc-tcp</c> when that section is in
/// <c>akka.remote.enabled-transports</c>.
/// </summary>
public sealed class RpcTcpTransport : RpcTransport
{
    /// <summary>The scheme identifier; Akka.Remote prefixes it with <c>akka.</c> in addresses.</summary>
    public const string Scheme = "rpc.tcp";

    /// <summary>Creates the transport from its config section (the constructor Akka.Remote calls).</summary>
    public RpcTcpTransport(ActorSystem system, Config config)
        : base(system, config, new TcpFamily(), "akka.remote.rpc-tcp")
    {
    }
}
