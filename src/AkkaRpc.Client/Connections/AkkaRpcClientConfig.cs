using System.Globalization;
using Akka.Configuration;
using AkkaRpc.Protocol;
using AkkaRpc.Transport;

namespace AkkaRpc.Client;

/// <summary>
/// The HOCON an actor system needs to reach AkkaRpc nodes: Akka.Remote over AkkaRpc's transports in client mode (it
/// listens nowhere; replies come back over the connections it opens) and AkkaRpc's serializers. Give it to your own
/// <c>ActorSystem</c> (or use Akka.Hosting's <c>WithAkkaRpcClient()</c>), then resolve owners with
/// <see cref="AkkaRpcClient.ResolveOwnerAsync"/>.
/// </summary>
public static class AkkaRpcClientConfig
{
    /// <summary>The transports a client enables: it reaches nodes over a Unix socket or loopback TCP.</summary>
    private static readonly string[] Transports = ["akka.remote.rpc-unix", "akka.remote.rpc-tcp"];

    /// <summary>The largest message a client sends or accepts, on every transport: a node's default (akkarpc.remote.max-frame-size).</summary>
    internal const long MaxFrameSize = 16L * 1024 * 1024;

    /// <summary>
    /// Builds the config of a client's own system. <paramref name="logToFactory"/> routes Akka's log (warnings and up)
    /// to a Microsoft <c>ILoggerFactory</c>; otherwise it is off: a library must not write to its application's console,
    /// and what a caller needs to know reaches it as an exception (connection attempts that fail while discovery scans
    /// its endpoints are Akka errors, but expected ones).
    /// </summary>
    internal static Config Build(AkkaRpcClientOptions options, bool logToFactory)
    {
        var loggers = logToFactory ? "loggers = [\"Akka.Hosting.Logging.LoggerFactoryLogger, Akka.Hosting\"]" : string.Empty;
        var logging = ConfigurationFactory.ParseString($$"""
            akka {
              {{loggers}}
              loglevel = {{(logToFactory ? "WARNING" : "OFF")}}
              stdout-loglevel = OFF
            }
            """);
        return logging.WithFallback(For(options));
    }

    /// <summary>The settings for a system that reaches nodes with <paramref name="options"/>' cookie and connect timeout (defaults when null).</summary>
    /// <remarks>
    /// A <see cref="AkkaRpcClientOptions.NodeAddress"/> over <c>akka.tcp</c> adds Akka.Remote's DotNetty transport, on a
    /// loopback port of its own; with <see cref="AkkaRpcClientOptions.DotNettyCertificate"/> the system also needs
    /// <see cref="Setup"/>'s TLS setup.
    /// </remarks>
    public static Config For(AkkaRpcClientOptions? options = null)
    {
        options ??= new AkkaRpcClientOptions();
        var transports = options.UsesDotNetty ? Transports.Append(DotNettyTransport.Path) : Transports;
        var cookie = options.CookiePath is null ? "\"\"" : Quote(Path.GetFullPath(options.CookiePath));
        var handshake = ((long)Math.Ceiling(options.ConnectTimeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
        var own = ConfigurationFactory.ParseString($$"""
            akka {
              actor.provider = remote
              remote {
                enabled-transports = [{{string.Join(", ", transports.Select(t => "\"" + t + "\""))}}]
                rpc-unix { listen = off, cookie-file = {{cookie}}, handshake-timeout = {{handshake}}, maximum-frame-size = {{MaxFrameSize}}b }
                rpc-tcp { listen = off, cookie-file = {{cookie}}, handshake-timeout = {{handshake}}, maximum-frame-size = {{MaxFrameSize}}b }

                # A node that stops answering with its connection open (SIGSTOP, a paused container) is given up after
                # 10 s of silence (Akka's default is 120 s), failing the requests waiting on it as outcome unknown.
                transport-failure-detector {
                  heartbeat-interval = 1s
                  acceptable-heartbeat-pause = 10s
                }

                # Akka.Remote's own handshake (after ours) fails no later than the connect timeout, so a peer that never
                # completes it (a DotNetty TLS handshake refused, say) is skipped instead of outliving the request.
                handshake-timeout = {{handshake}}

                # A client learns that a node is gone from the association's own events, and its discovery polls a node
                # it just spawned every few milliseconds: a gate after a failed connect would drop those polls unseen.
                retry-gate-closed-for = 0s

                # Connect failures while scanning endpoints are expected; the client reports them itself.
                log-remote-lifecycle-events = off
              }
            }
            """);
        var dotNetty = options.UsesDotNetty
            ? DotNettyTransport.Settings("127.0.0.1", 0, MaxFrameSize, tls: options.DotNettyCertificate is not null)
            : Config.Empty;
        return own.WithFallback(dotNetty).WithFallback(ProtocolConfig.Serialization).WithFallback(AkkaRpcTransportConfig.Default);
    }

    /// <summary>The TLS setup a client system needs besides <see cref="For"/>'s HOCON, when <see cref="AkkaRpcClientOptions.DotNettyCertificate"/> is set; else null.</summary>
    public static Akka.Actor.Setup.Setup? Setup(AkkaRpcClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesDotNetty && options.DotNettyCertificate is { } certificate ? DotNettyTransport.Tls(certificate, options.DotNettyCertificatePassword) : null;
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
