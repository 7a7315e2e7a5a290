using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Services;

/// <summary>The systems of <c>akkarpc bench services</c>, by report key: the contenders (the generated proxy first), then gRPC, the yardstick every ratio divides by.</summary>
internal static class ServiceCatalog
{
    public const string ServicesTcp = "services_tcp";
    public const string ServicesUnix = "services_unix";
    public const string ActorTcp = "actor_tcp";
    public const string ActorUnix = "actor_unix";
    public const string Grpc = "grpc";
    public const string Rest = "rest";

    /// <summary>Every key, in the order a run measures and reports them.</summary>
    public static IReadOnlyList<string> All { get; } = [ServicesTcp, ServicesUnix, ActorTcp, ActorUnix, Rest, Grpc];

    /// <summary>The systems divided by gRPC's figures in the ratios.</summary>
    public static IReadOnlyList<string> Contenders { get; } = [ServicesTcp, ServicesUnix, ActorTcp, ActorUnix, Rest];

    /// <summary>Each generated-proxy system with the hand-written system on the same transport it is judged against.</summary>
    public static IReadOnlyList<(string Proxy, string HandWritten)> ProxyPairs { get; } = [(ServicesTcp, ActorTcp), (ServicesUnix, ActorUnix)];

    /// <summary>Returns the kind of a key of this catalog; null for any other key.</summary>
    public static SystemKind? KindOf(string key) => key switch
    {
        ServicesTcp or ServicesUnix => SystemKind.ServiceProxy,
        ActorTcp or ActorUnix => SystemKind.ServiceActor,
        Grpc => SystemKind.Grpc,
        Rest => SystemKind.Rest,
        _ => null,
    };

    /// <summary>Returns the display name, protocol and server mode of a key of this catalog; null for any other key.</summary>
    public static (string Name, string Protocol, string ServerMode)? Describe(string key) => key switch
    {
        ServicesTcp => ("AkkaRpc services, generated proxy (TCP)", "akka.rpc.tcp", "AkkaRpcServices.GetAsync<IBenchEcho> by name; WithAkkaRpcService host, one service actor"),
        ServicesUnix => ("AkkaRpc services, generated proxy (Unix socket)", "akka.rpc.unix", "AkkaRpcServices.GetAsync<IBenchEcho> by name; WithAkkaRpcService host, one service actor"),
        ActorTcp => ("Hand-written actor message (TCP)", "akka.rpc.tcp", "Ask with the service's own messages to a ReceiveActor, AkkaRpc's transport"),
        ActorUnix => ("Hand-written actor message (Unix socket)", "akka.rpc.unix", "Ask with the service's own messages to a ReceiveActor, AkkaRpc's transport"),
        Grpc => ("gRPC (Grpc.AspNetCore 2.85, h2c)", "grpc", "unary calls over HTTP/2 without TLS, Kestrel, Grpc.Net.Client, protobuf"),
        Rest => ("HTTP/REST (Kestrel minimal API)", "http", "raw bytes for payloads, JSON for numbers, HTTP/1.1"),
        _ => null,
    };
}
