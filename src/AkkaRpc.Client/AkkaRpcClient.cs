using Akka.Actor;

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

    /// <summary>
    /// Connects to <paramref name="database"/> through <paramref name="system"/>, an application's own actor system that
    /// runs AkkaRpc's client remoting (Akka.Hosting: <c>WithAkkaRpcClient()</c>); otherwise as
    /// <see cref="ConnectAsync(string, AkkaRpcClientOptions?, CancellationToken)"/>. Disposing the handle leaves the system running.
    /// </summary>
    public static async Task<AkkaRpcDatabase> ConnectAsync(ActorSystem system, string database, AkkaRpcClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentException.ThrowIfNullOrEmpty(database);
        options ??= new AkkaRpcClientOptions();
        options.Validate();
        var runtime = ClientRuntime.Borrow(system, options.LoggerFactory);
        var locator = runtime.LocatorFor(options);
        var (node, owner) = await locator.ResolveAsync(database, cancellationToken).ConfigureAwait(false);
        return new AkkaRpcDatabase(database, runtime, locator, options.Clone(), node, owner);
    }

    /// <summary>
    /// Finds (or starts) the node serving <paramref name="database"/> as <see cref="ConnectAsync(ActorSystem, string, AkkaRpcClientOptions?, CancellationToken)"/>
    /// does, and returns its owner: send it <c>Query</c>, <c>Execute</c>, <c>Batch</c>, ... and it answers with the reply
    /// records (<c>QueryResult</c>, <c>ExecuteResult</c>, or a <c>DatabaseError</c>), one at a time in arrival order.
    /// </summary>
    public static async Task<IActorRef> ResolveOwnerAsync(ActorSystem system, string database, AkkaRpcClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentException.ThrowIfNullOrEmpty(database);
        options ??= new AkkaRpcClientOptions();
        options.Validate();
        var (_, owner) = await ClientRuntime.Borrow(system, options.LoggerFactory).LocatorFor(options).ResolveAsync(database, cancellationToken).ConfigureAwait(false);
        return owner;
    }

    /// <summary>
    /// Closes the process's shared connections and their actor systems; handles using them fail from then on with
    /// <see cref="ObjectDisposedException"/> (connect again for new ones). Call at shutdown if you like; process exit
    /// closes them too.
    /// </summary>
    public static Task ShutdownAsync() => ClientRuntime.ShutdownSharedAsync();
}
