namespace AkkaRpc.Bench.Remoting;

/// <summary>
/// The Akka.Remote transport a coordinator and its workers talk over (<c>akkarpc.bench.remote.transport</c>): AkkaRpc's
/// own TCP transport by default, whose cookie handshake admits only workers that share the node's cookie, or Akka.Remote's
/// stock DotNetty TCP, which authenticates nobody and is kept for comparison.
/// </summary>
/// <param name="Path">The transport's HOCON path: <see cref="RpcTcp"/> or <see cref="DotNettyTcp"/>.</param>
/// <param name="CookiePath">The cookie file of AkkaRpc's transport (<c>akkarpc.remote.cookie-path</c>); null for <c>~/.akkarpc/cookie</c>.</param>
/// <param name="AllowNonLoopback">Whether a coordinator on AkkaRpc's transport may bind beyond loopback (<c>akkarpc.remote.allow-non-loopback</c>).</param>
internal sealed record BenchTransport(string Path, string? CookiePath = null, bool AllowNonLoopback = false)
{
    /// <summary>The HOCON path of AkkaRpc's TCP transport (addresses <c>akka.rpc.tcp://</c>), the default.</summary>
    public const string RpcTcp = "akka.remote.rpc-tcp";

    /// <summary>The HOCON path of Akka.Remote's stock DotNetty TCP transport (addresses <c>akka.tcp://</c>).</summary>
    public const string DotNettyTcp = "akka.remote.dot-netty.tcp";

    /// <summary>Gets whether this is AkkaRpc's own transport.</summary>
    public bool IsAkkaRpc => Path == RpcTcp;

    /// <summary>Gets the protocol of this transport's addresses, e.g. <c>akka.rpc.tcp</c>.</summary>
    public string Protocol => IsAkkaRpc ? "akka.rpc.tcp" : "akka.tcp";

    /// <summary>Returns the transport at <paramref name="path"/>; only the two TCP transports can carry a bench across machines.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="path"/> is neither of them; the message names both.</exception>
    public static BenchTransport Create(string path, string? cookiePath = null, bool allowNonLoopback = false) =>
        path is RpcTcp or DotNettyTcp
            ? new BenchTransport(path, cookiePath, allowNonLoopback)
            : throw new InvalidOperationException(
                $"akkarpc.bench.remote.transport is '{path}'; it must be \"{RpcTcp}\" (AkkaRpc's transport, with the cookie) or \"{DotNettyTcp}\" (Akka.Remote's stock transport).");
}
