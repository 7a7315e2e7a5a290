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

    /// <summary>
    /// Builds the config of a client's own system. <paramref name="logToFactory"/> routes Akka's log to a Microsoft
    /// <c>ILoggerFactory</c>; otherwise only errors reach stdout, as a library should.
    /// </summary>
    internal static Config Build(string? cookiePath, TimeSpan connectTimeout, bool logToFactory)
    {
        var loggers = logToFactory ? "loggers = [\"Akka.Hosting.Logging.LoggerFactoryLogger, Akka.Hosting\"]" : string.Empty;
        var logging = ConfigurationFactory.ParseString($$"""
            akka {
              {{loggers}}
              loglevel = {{(logToFactory ? "INFO" : "ERROR")}}
              stdout-loglevel = ERROR
            }
            """);
        return logging.WithFallback(Remoting(cookiePath, connectTimeout));
    }

    /// <summary>The settings for a system that reaches nodes with <paramref name="options"/>' cookie and connect timeout (defaults when null).</summary>
    public static Config For(AkkaRpcClientOptions? options = null)
    {
        options ??= new AkkaRpcClientOptions();
        return Remoting(options.CookiePath, options.ConnectTimeout);
    }

    private static Config Remoting(string? cookiePath, TimeSpan connectTimeout)
    {
        var cookie = cookiePath is null ? "\"\"" : Quote(Path.GetFullPath(cookiePath));
        var handshake = ((long)Math.Ceiling(connectTimeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
        var own = ConfigurationFactory.ParseString($$"""
            akka {
              actor.provider = remote
              remote {
                enabled-transports = [{{string.Join(", ", Transports.Select(t => "\"" + t + "\""))}}]
                rpc-unix { listen = off, cookie-file = {{cookie}}, handshake-timeout = {{handshake}} }
                rpc-tcp { listen = off, cookie-file = {{cookie}}, handshake-timeout = {{handshake}} }

                # A client learns that a node is gone from the association's own events, and its discovery polls a node
                # it just spawned every few milliseconds: a gate after a failed connect would drop those polls unseen.
                retry-gate-closed-for = 0s

                # Connect failures while scanning endpoints are expected; the client reports them itself.
                log-remote-lifecycle-events = off
              }
            }
            """);
        return own.WithFallback(ProtocolConfig.Serialization).WithFallback(AkkaRpcTransportConfig.Default);
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
