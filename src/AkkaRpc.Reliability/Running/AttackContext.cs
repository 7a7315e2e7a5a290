using Akka.Actor;
using AkkaRpc.Client;

namespace AkkaRpc.Reliability.Running;

/// <summary>What an attack works with: its node (which it may kill; <see cref="RestartAsync"/> brings one back on the same
/// files), the sandbox's paths, the run's profile, and clients of its own that never start a node. Disposing closes those
/// clients; the node, whichever is current, stays with the suite.</summary>
internal sealed class AttackContext : IAsyncDisposable
{
    private readonly List<ActorSystem> _systems = [];

    public AttackContext(Sandbox sandbox, NodeUnderAttack node, SuiteProfile profile, TimeSpan startCeiling)
    {
        Sandbox = sandbox;
        Node = node;
        Profile = profile;
        StartCeiling = startCeiling;
    }

    /// <summary>Gets the sandbox of this attack.</summary>
    public Sandbox Sandbox { get; }

    /// <summary>Gets the node now running (or killed by the attack).</summary>
    public NodeUnderAttack Node { get; private set; }

    /// <summary>Gets the run's counts and durations.</summary>
    public SuiteProfile Profile { get; }

    /// <summary>Gets how long a node may take to start.</summary>
    public TimeSpan StartCeiling { get; }

    /// <summary>Options for a client of this sandbox's node on its Unix socket, with a connection of its own; never spawns.</summary>
    public AkkaRpcClientOptions ClientOptions(TimeSpan? requestTimeout = null) => new()
    {
        UnixSocket = Sandbox.Socket,
        RuntimeDirectory = Sandbox.RuntimeDirectory,
        DataDirectory = Sandbox.DataDirectory,
        CookiePath = Sandbox.Cookie,
        AutoSpawn = false,
        PrivateConnection = true,
        RequestTimeout = requestTimeout ?? Profile.RequestTimeout,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Connects a fresh client (its own connection) to <paramref name="database"/>.</summary>
    public Task<AkkaRpcDatabase> ConnectAsync(string database, CancellationToken cancellationToken, TimeSpan? requestTimeout = null) =>
        AkkaRpcClient.ConnectAsync(database, ClientOptions(requestTimeout), cancellationToken);

    /// <summary>Whether <paramref name="db"/> answers a one-row query: "served (1 row)", or the error it met.</summary>
    public static Task<string> QueryOneAsync(AkkaRpcDatabase db, CancellationToken cancellationToken) => Attempt.DescribeAsync(
        async () => $"served ({(await db.QueryAsync("SELECT 1", cancellationToken: cancellationToken).ConfigureAwait(false)).Count} row)",
        cancellationToken);

    /// <summary>
    /// Whether a fresh client (this sandbox's, or one with <paramref name="options"/>) connects to
    /// <paramref name="database"/> and is answered, and how long that took.
    /// </summary>
    public Task<string> FreshClientAsync(string database, CancellationToken cancellationToken, AkkaRpcClientOptions? options = null) => Attempt.TimedAsync(
        async () =>
        {
            await using var db = await AkkaRpcClient.ConnectAsync(database, options ?? ClientOptions(), cancellationToken).ConfigureAwait(false);
            return await db.QueryAsync("SELECT 1", cancellationToken: cancellationToken).ConfigureAwait(false) is { Count: 1 } ? "served (1 row)" : "answered without its row";
        },
        cancellationToken);

    /// <summary>
    /// A plain Akka.NET client system of this sandbox (its cookie, our transport), for attacks that send raw protocol
    /// messages; terminated with the context.
    /// </summary>
    public ActorSystem RawSystem(string name, string? cookiePath = null)
    {
        var options = ClientOptions();
        if (cookiePath is not null)
        {
            options.CookiePath = cookiePath;
        }

        // Quiet: what the system meets (disassociations, refusals) is what the attack reports itself.
        var quiet = Akka.Configuration.ConfigurationFactory.ParseString("akka { loglevel = OFF, stdout-loglevel = OFF }");
        var system = ActorSystem.Create(name, quiet.WithFallback(AkkaRpcClientConfig.For(options)));
        lock (_systems)
        {
            _systems.Add(system);
        }

        return system;
    }

    /// <summary>Resolves the owner of <paramref name="database"/> through <paramref name="system"/> on the node's Unix socket.</summary>
    public Task<IActorRef> ResolveOwnerAsync(ActorSystem system, string database, CancellationToken cancellationToken) =>
        AkkaRpcClient.ResolveOwnerAsync(system, database, ClientOptions(), cancellationToken);

    /// <summary>Kills the node if it still runs, and starts a new one on the same files.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await Node.DisposeAsync().ConfigureAwait(false);
        Node = await NodeUnderAttack.StartAsync(Sandbox, StartCeiling, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        ActorSystem[] systems;
        lock (_systems)
        {
            systems = [.. _systems];
        }

        foreach (var system in systems)
        {
            try
            {
                await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A system whose node was killed may take long to give up its association; the process ends it anyway.
            }
        }
    }
}
