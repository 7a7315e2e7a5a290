namespace AkkaRpc.Client;

/// <summary>Entry point: connect to a database by name; the node that serves it is found, or started.</summary>
public static class AkkaRpcClient
{
    /// <summary>
    /// Connects to the database <paramref name="database"/>: finds a node at the configured endpoints (starting one if
    /// none answers and auto-spawn is on), and resolves the database's owner there.
    /// </summary>
    public static Task<AkkaRpcDatabase> ConnectAsync(string database, AkkaRpcClientOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("skeleton: lands with issue 5");
}
