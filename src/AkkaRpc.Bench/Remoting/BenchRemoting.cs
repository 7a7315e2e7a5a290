using System.Globalization;
using Akka.Configuration;
using AkkaRpc.Bench.Actors;

namespace AkkaRpc.Bench.Remoting;

/// <summary>
/// The Akka.Remote settings of a coordinator and its workers. The transport is named by its HOCON path, so moving the
/// bench from Akka.Remote's stock DotNetty TCP (<c>akka.tcp://</c>) to AkkaRpc's own transport (<c>akka.rpc.tcp://</c>)
/// is a configuration change: <c>akkarpc.bench.remote.transport</c>, and that transport's section in the HOCON.
/// </summary>
/// <remarks>
/// Both ends run in untrusted mode: a peer can neither deploy, stop (<c>PoisonPill</c>, <c>Kill</c>) nor select
/// anything but the coordinator's entry point and <see cref="RemoteWatcherPath"/>. A worker listens on loopback only, under a name unique to its process:
/// the coordinator answers over the connection the worker opened (Akka's passive connections), so workers in containers
/// never need a reachable address, and two of them can never be taken for one.
/// </remarks>
internal static class BenchRemoting
{
    /// <summary>The HOCON path of Akka.Remote's stock TCP transport, the default until AkkaRpc's own transport lands.</summary>
    public const string DotNettyTcp = "akka.remote.dot-netty.tcp";

    /// <summary>
    /// The path of Akka.Remote's death watch heartbeats, which it sends by actor selection: untrusted mode drops them
    /// unless it is trusted, and then every watched peer is declared dead after the failure detector's pause, busy or not.
    /// </summary>
    public const string RemoteWatcherPath = "/system/remote-watcher";

    /// <summary>Remoting for a coordinator: listens at <paramref name="bindHost"/>:<paramref name="port"/>, known to workers as <paramref name="publicHost"/>.</summary>
    public static Akka.Configuration.Config Coordinator(string transport, string bindHost, int port, string publicHost) =>
        Remote(transport, bindHost, port, publicHost, [$"/user/{BenchmarkCoordinator.Name}", RemoteWatcherPath]);

    /// <summary>Remoting for a worker: loopback only, any port.</summary>
    public static Akka.Configuration.Config Worker(string transport) => Remote(transport, "127.0.0.1", 0, "127.0.0.1", [RemoteWatcherPath]);

    /// <summary>A worker's system name: unique per process, so two workers behind one address are never one node to Akka.</summary>
    public static string WorkerSystemName() => "AkkaRpcBenchWorker-" + Guid.NewGuid().ToString("N")[..12];

    private static Akka.Configuration.Config Remote(string transport, string bindHost, int port, string publicHost, IReadOnlyList<string> trustedPaths)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transport);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        string trusted = string.Join(", ", trustedPaths.Select(p => $"\"{p}\""));
        // The transport's section is named by its full path, at the root: e.g. akka.remote.dot-netty.tcp { ... }.
        return ConfigurationFactory.ParseString($$"""
            akka {
              actor.provider = remote
              remote {
                enabled-transports = ["{{transport}}"]
                untrusted-mode = on
                trusted-selection-paths = [{{trusted}}]
              }
            }
            {{transport}} {
              hostname = "{{bindHost}}"
              public-hostname = "{{publicHost}}"
              port = {{port.ToString(CultureInfo.InvariantCulture)}}
            }
            """);
    }
}
