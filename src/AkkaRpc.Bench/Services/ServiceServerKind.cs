namespace AkkaRpc.Bench.Services;

/// <summary>The servers of <c>akkarpc bench services</c>, each started in a process of its own by <c>akkarpc bench-service-server</c>.</summary>
internal enum ServiceServerKind
{
    /// <summary>The hand-written echo actor on AkkaRpc's transport (TCP and, with a socket path, a Unix socket).</summary>
    Actor = 1,

    /// <summary>gRPC over HTTP/2 without TLS.</summary>
    Grpc = 2,

    /// <summary>HTTP/REST on Kestrel.</summary>
    Rest = 3,

    /// <summary>The echo service as an AkkaRpc service (Akka.Hosting, <c>WithAkkaRpcService</c>) on AkkaRpc's transport (TCP and, with a socket path, a Unix socket).</summary>
    Service = 4,
}
