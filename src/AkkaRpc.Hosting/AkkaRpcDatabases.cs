using Akka;
using Akka.Actor;
using Akka.Event;
using AkkaRpc.Protocol;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting;

/// <summary>
/// Hosts the database owners in an actor system without Akka.Hosting (with it, use
/// <see cref="AkkaRpcHostingExtensions.WithAkkaRpcDatabases"/>, which calls this).
/// </summary>
public static class AkkaRpcDatabases
{
    // Bounded by the host's own shutdown timeout too; this keeps a stuck database from holding the rest.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets the settings the owners need in the system's config (as a fallback): their dispatcher and mailbox, and the
    /// drain's time in <see cref="CoordinatedShutdown"/>'s <c>service-requests-done</c> phase (Akka's default phase
    /// timeout, 5 s, would cut it short).
    /// </summary>
    public static Akka.Configuration.Config DefaultConfig { get; } = Akka.Configuration.ConfigurationFactory
        .ParseString($"akka.coordinated-shutdown.phases.service-requests-done.timeout = {(int)DrainTimeout.TotalSeconds + 1}s")
        .WithFallback(DatabasesSupervisor.DefaultConfig);

    /// <summary>
    /// Starts the databases' supervisor at <c>/user/databases</c> and returns it: send it <see cref="Resolve"/> for a
    /// database's owner. On <see cref="CoordinatedShutdown"/> every owner answers the requests queued for it, then
    /// closes its database; a transaction held by another process is rolled back as soon as its connection closes.
    /// The system's config needs <see cref="DefaultConfig"/> and <see cref="ProtocolConfig.Serialization"/>.
    /// </summary>
    /// <remarks>
    /// With <paramref name="sharded"/> set the system is a cluster member: the supervisor answers clients through the
    /// shard region it is given afterwards (<see cref="AkkaRpcHostingExtensions.WithAkkaRpcCluster"/> does both), and
    /// the drain runs in <c>cluster-exiting</c>, after sharding has handed this member's databases to the others.
    /// </remarks>
    public static IActorRef Start(ActorSystem system, DatabasesOptions? options = null, ShardedDatabasesOptions? sharded = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= new DatabasesOptions();
        options.Validate();
        var props = sharded is null ? DatabasesSupervisor.Props(options) : DatabasesSupervisor.ShardedProps(options, sharded);
        var databases = system.ActorOf(props, NodePaths.DatabasesName);
        system.ActorOf(Props.Create(() => new PeerWatcher(databases)), PeerWatcher.Name);
        var phase = sharded is null ? CoordinatedShutdown.PhaseServiceRequestsDone : CoordinatedShutdown.PhaseClusterExiting;
        CoordinatedShutdown.Get(system).AddTask(phase, "akkarpc-drain-databases", async () =>
        {
            try
            {
                // If it stopped before the node did (its owners closed their databases as it stopped), there is nothing
                // to drain, and the ask would only wait out its timeout.
                using var done = new CancellationTokenSource();
                var gone = databases.WatchAsync(done.Token);
                var drained = databases.Ask<DatabasesSupervisor.Drained>(DatabasesSupervisor.Drain.Instance, DrainTimeout, done.Token);
                await Task.WhenAny(drained, gone).ConfigureAwait(false);
                await done.CancelAsync().ConfigureAwait(false);
                if (!gone.IsCompletedSuccessfully || !gone.Result)
                {
                    await drained.ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The supervisor was gone: the ask was called off.
            }
            catch (AskTimeoutException)
            {
                system.Log.Warning("The databases did not drain within {0}; stopping anyway", DrainTimeout);
            }

            return Done.Instance;
        });
        return databases;
    }
}
