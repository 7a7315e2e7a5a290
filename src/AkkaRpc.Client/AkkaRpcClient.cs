namespace AkkaRpc.Client;

/// <summary>Entry point: connect to a database by name; the node that serves it is found, or started.</summary>
public static class AkkaRpcClient
{
    /// <summary>
    /// Connects to the database <paramref name="database"/>: finds a node at the configured endpoints (the Unix socket,
    /// then the TCP range), starting one if none answers and auto-spawn is on, and resolves the database's owner there.
    /// </summary>
    /// <param name="database">The database name (a file name under the node's data directory, without a path).</param>
    /// <param name="options">Endpoints, auto-spawn and timeouts; null for the defaults.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <exception cref="NodeUnreachableException">No node answered and none could be started; the message says where it looked and why.</exception>
    /// <exception cref="DatabaseNotFoundException">The node does not have (or allow) the database.</exception>
    public static async Task<AkkaRpcDatabase> ConnectAsync(string database, AkkaRpcClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        options ??= new AkkaRpcClientOptions();
        options.Validate();
        var runtime = options.PrivateConnection
            ? ClientRuntime.StartPrivate(options)
            : await ClientRuntime.SharedAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            var locator = runtime.LocatorFor(options);
            var (node, owner) = await locator.ResolveAsync(database, cancellationToken).ConfigureAwait(false);
            return new AkkaRpcDatabase(database, runtime, locator, options.Clone(), node, owner);
        }
        catch
        {
            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the process's shared connections (handles using them fail until the next connect reopens them). Call at shutdown if you like; process exit closes it too.</summary>
    public static Task ShutdownAsync() => ClientRuntime.ShutdownSharedAsync();
}
