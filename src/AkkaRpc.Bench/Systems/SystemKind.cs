namespace AkkaRpc.Bench.Systems;

/// <summary>The kinds of system a benchmark measures.</summary>
internal enum SystemKind
{
    /// <summary>An AkkaRpc node reached through the client library.</summary>
    AkkaRpc = 1,

    /// <summary>The HTTP/REST baseline: Kestrel minimal API owning the database, HttpClient and JSON.</summary>
    Http = 2,

    /// <summary>The floor of the transport: bytes echoed on a raw socket, no framing, codecs or SQL.</summary>
    RawSocket = 3,

    /// <summary>The floor of the database: SQLite opened in the load generator's own process.</summary>
    InProcessSqlite = 4,

    /// <summary>The same node and serializers as <see cref="AkkaRpc"/>, reached over Akka.Remote's stock DotNetty TCP transport.</summary>
    AkkaDotNetty = 5,

    /// <summary>A database owner actor in the load generator's own process, asked directly (no remoting).</summary>
    DatabaseOwner = 6,

    /// <summary>The echo service of <c>bench services</c> as a hand-written actor, asked with its own messages over AkkaRpc's transport.</summary>
    ServiceActor = 7,

    /// <summary>The echo service of <c>bench services</c> over gRPC (HTTP/2, h2c).</summary>
    Grpc = 8,

    /// <summary>The echo service of <c>bench services</c> over HTTP/REST.</summary>
    Rest = 9,

    /// <summary>The echo service of <c>bench services</c> as an AkkaRpc service, called through its generated proxy.</summary>
    ServiceProxy = 10,

    /// <summary>The members of an AkkaRpc cluster (<c>akkarpc serve --cluster</c>), reached through the client library, each client through one of them.</summary>
    AkkaRpcCluster = 11,
}
