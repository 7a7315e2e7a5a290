using System.Globalization;
using Akka.Configuration;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Transport;

namespace AkkaRpc.Bench.Remoting;

/// <summary>
/// The Akka.Remote settings of a coordinator and its workers over a <see cref="BenchTransport"/>: by default AkkaRpc's
/// TCP transport (<c>akka.rpc.tcp://</c>), whose cookie handshake refuses a worker with another cookie before any Akka
/// message passes; Akka.Remote's stock DotNetty TCP (<c>akka.tcp://</c>) stays selectable.
/// </summary>
/// <remarks>
/// Both ends run in untrusted mode: a peer can neither deploy, stop (<c>PoisonPill</c>, <c>Kill</c>) nor select
/// anything but the coordinator's entry point and <see cref="RemoteWatcherPath"/>. A worker binds nothing it needs to be
/// reached at: on AkkaRpc's transport it runs in client mode (no socket at all; a unique, unreachable address), on
/// DotNetty it listens on loopback only. Either way the coordinator answers over the connection the worker opened
/// (Akka's passive connections), so workers in containers never need a reachable address, and each worker's system
/// name is unique, so two of them are never taken for one.
/// </remarks>
internal static class BenchRemoting
{
    /// <summary>
    /// The path of Akka.Remote's death watch heartbeats, which it sends by actor selection: untrusted mode drops them
    /// unless it is trusted, and then every watched peer is declared dead after the failure detector's pause, busy or not.
    /// </summary>
    public const string RemoteWatcherPath = "/system/remote-watcher";

    /// <summary>
    /// Remoting for a coordinator: listens at <paramref name="bindHost"/>:<paramref name="port"/>, known to workers as
    /// <paramref name="publicHost"/>, the host name its address carries (Akka.Remote drops messages sent to any other).
    /// </summary>
    public static Config Coordinator(BenchTransport transport, string bindHost, int port, string publicHost)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        string section = transport.IsAkkaRpc
            ? $"""
              listen = on
              hostname = {Quote(bindHost)}
              public-hostname = {Quote(publicHost)}
              port = {port.ToString(CultureInfo.InvariantCulture)}
              allow-non-loopback = {(transport.AllowNonLoopback ? "on" : "off")}
              cookie-file = {Quote(CookieFile(transport))}
              """
            : $"""
              hostname = {Quote(bindHost)}
              public-hostname = {Quote(publicHost)}
              port = {port.ToString(CultureInfo.InvariantCulture)}
              """;
        return Remote(transport, section, [$"/user/{BenchmarkCoordinator.Name}", RemoteWatcherPath]);
    }

    /// <summary>Remoting for a worker: reachable only over the association it opens to its coordinator.</summary>
    public static Config Worker(BenchTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        string section = transport.IsAkkaRpc
            ? $"""
              listen = off
              cookie-file = {Quote(CookieFile(transport))}
              """
            : """
              hostname = "127.0.0.1"
              public-hostname = "127.0.0.1"
              port = 0
              """;

        // A worker may start before its coordinator (containers do) and polls it: a gate closed after each refused
        // connect would swallow the next polls unseen.
        return ConfigurationFactory.ParseString("akka.remote.retry-gate-closed-for = 0s")
            .WithFallback(Remote(transport, section, [RemoteWatcherPath]));
    }

    /// <summary>A worker's system name: unique per process, so two workers behind one address are never one node to Akka.</summary>
    public static string WorkerSystemName() => "AkkaRpcBenchWorker-" + Guid.NewGuid().ToString("N")[..12];

    private static Config Remote(BenchTransport transport, string section, IReadOnlyList<string> trustedPaths)
    {
        string trusted = string.Join(", ", trustedPaths.Select(Quote));

        // The transport's section is named by its full path, at the root: e.g. akka.remote.rpc-tcp { ... }.
        var config = ConfigurationFactory.ParseString($$"""
            akka {
              actor.provider = remote
              remote {
                enabled-transports = ["{{transport.Path}}"]
                untrusted-mode = on
                trusted-selection-paths = [{{trusted}}]
              }
            }
            {{transport.Path}} {
            {{section}}
            }
            """);
        return transport.IsAkkaRpc ? config.WithFallback(AkkaRpcTransportConfig.Default) : config;
    }

    // Empty means the transport's default, ~/.akkarpc/cookie: the one a node and its clients use with no setup.
    private static string CookieFile(BenchTransport transport) => transport.CookiePath is { } path ? Path.GetFullPath(path) : string.Empty;

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
