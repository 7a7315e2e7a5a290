namespace AkkaRpc.Bench.Systems;

/// <summary>Where a system under test is and how to reach it; what a worker in another process needs to connect.</summary>
/// <param name="Key">The system's key in reports, e.g. <c>akkarpc_tcp</c>.</param>
/// <param name="Kind">What kind of system it is.</param>
/// <param name="Address">
/// A node address (<c>akka.rpc.tcp://AkkaRpc@host:port</c>, <c>akka.rpc.unix://AkkaRpc@%2Fpath:0</c> or
/// <c>akka.tcp://AkkaRpc@host:port</c>), an HTTP base URL, a raw socket
/// address (<c>tcp://host:port</c>, <c>unix:/path</c>) or a database file path or directory.
/// </param>
/// <param name="Database">The database name on a node (AkkaRpc only; empty otherwise).</param>
internal sealed record SystemEndpoint(string Key, SystemKind Kind, string Address, string Database)
{
    /// <summary>Whether load for this system can come from another process (everything but what lives in the load process).</summary>
    public bool IsRemote => Kind is not (SystemKind.InProcessSqlite or SystemKind.DatabaseOwner);
}
