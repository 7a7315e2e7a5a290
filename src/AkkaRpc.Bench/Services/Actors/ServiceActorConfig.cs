using System.Diagnostics.CodeAnalysis;
using Akka.Configuration;
using AkkaRpc.Transport;

namespace AkkaRpc.Bench.Services.Actors;

/// <summary>
/// The Akka settings of the hand-written echo service: its serializer bindings, and remoting over AkkaRpc's transport
/// (loopback TCP and a Unix socket, cookie handshake, untrusted mode admitting only the service actor) for the host, or
/// the same transport in client mode for a caller.
/// </summary>
internal static class ServiceActorConfig
{
    /// <summary>The host's actor system name, which its addresses carry.</summary>
    public const string SystemName = "AkkaRpcBenchService";

    private const string SerializerName = "akkarpc-bench-service";

    /// <summary>Gets the serializer bindings of every message of the service.</summary>
    public static Config Serialization { get; } = ConfigurationFactory.ParseString(SerializationHocon());

    /// <summary>Remoting of the host: listens on loopback TCP at <paramref name="host"/>:<paramref name="port"/> and, when given, at <paramref name="socketPath"/>.</summary>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(ServiceMessageSerializer))]
    public static Config Host(string host, int port, string? socketPath, string? cookiePath)
    {
        string transports = socketPath is null ? "\"akka.remote.rpc-tcp\"" : "\"akka.remote.rpc-tcp\", \"akka.remote.rpc-unix\"";
        return ConfigurationFactory.ParseString($$"""
            akka.actor.provider = remote
            akka.remote {
              enabled-transports = [{{transports}}]
              untrusted-mode = on
              trusted-selection-paths = ["/user/{{EchoServiceActor.Name}}"]
              rpc-tcp {
                hostname = {{Quote(host)}}
                port = {{port}}
                cookie-file = {{Quote(Cookie(cookiePath))}}
              }
              rpc-unix {
                socket-path = {{Quote(socketPath ?? string.Empty)}}
                cookie-file = {{Quote(Cookie(cookiePath))}}
              }
            }
            """).WithFallback(Serialization).WithFallback(AkkaRpcTransportConfig.Default);
    }

    /// <summary>Remoting of a caller of the host at <paramref name="address"/>: the transport its scheme names, in client mode (nothing bound).</summary>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(ServiceMessageSerializer))]
    public static Config Client(string address, string? cookiePath)
    {
        ArgumentNullException.ThrowIfNull(address);
        string transport = address.StartsWith("akka.rpc.unix://", StringComparison.Ordinal) ? "rpc-unix" : "rpc-tcp";
        return ConfigurationFactory.ParseString($$"""
            akka.actor.provider = remote
            akka.remote {
              enabled-transports = ["akka.remote.{{transport}}"]
              untrusted-mode = on
              {{transport}} {
                listen = off
                cookie-file = {{Quote(Cookie(cookiePath))}}
              }
            }
            """).WithFallback(Serialization).WithFallback(AkkaRpcTransportConfig.Default);
    }

    private static string SerializationHocon()
    {
        Type[] messages = [typeof(EchoCall), typeof(ComputeCall), typeof(ComputeResult), typeof(UploadCall), typeof(LengthReply), typeof(DownloadCall), typeof(PayloadReply), typeof(CallRefused)];
        string bindings = string.Join("\n", messages.Select(t => $"    \"{Qualified(t)}\" = {SerializerName}"));
        return $$"""
            akka.actor {
              serializers.{{SerializerName}} = "{{Qualified(typeof(ServiceMessageSerializer))}}"
              serialization-bindings {
            {{bindings}}
              }
              serialization-identifiers {
                "{{Qualified(typeof(ServiceMessageSerializer))}}" = {{ServiceMessageSerializer.Id}}
              }
            }
            """;
    }

    // Empty means the transport's default, ~/.akkarpc/cookie: the one a node and its clients use with no setup.
    private static string Cookie(string? cookiePath) => cookiePath is { } path ? Path.GetFullPath(path) : string.Empty;

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // Type and assembly name only: Akka resolves it with Type.GetType, and a version in the name would pin a build.
    private static string Qualified(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
