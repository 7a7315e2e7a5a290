using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using AkkaRpc.Protocol;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting;

/// <content>Hosting the database owners.</content>
public static partial class AkkaRpcHostingExtensions
{
    // Bounded by the host's own shutdown timeout too; this keeps a stuck database from holding the rest.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    // Akka's phases time out after 5 s by default and then move on regardless: the drain's phase gets the drain's time.
    private static readonly Akka.Configuration.Config DrainPhase = Akka.Configuration.ConfigurationFactory.ParseString(
        $"akka.coordinated-shutdown.phases.service-requests-done.timeout = {(int)DrainTimeout.TotalSeconds + 1}s");

    /// <summary>
    /// Starts the databases' supervisor at <c>/user/databases</c> in this actor system and registers it in Akka.Hosting's
    /// <see cref="ActorRegistry"/> under <see cref="DatabasesSupervisor"/> (so <c>IRequiredActor&lt;DatabasesSupervisor&gt;</c>
    /// finds it). Send it <see cref="Resolve"/> for a database's owner, then <see cref="Query"/>, <see cref="Execute"/>,
    /// ... to the owner. On shutdown (<see cref="CoordinatedShutdown"/>'s <c>service-requests-done</c> phase) every owner
    /// answers the requests already queued for it, then closes its database. Add <see cref="WithAkkaRpcTransport"/> to
    /// serve them to other processes.
    /// </summary>
    public static AkkaConfigurationBuilder WithAkkaRpcDatabases(this AkkaConfigurationBuilder builder, DatabasesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new DatabasesOptions();
        options.Validate();
        return builder
            .WithAkkaRpcSerialization()
            .AddHocon(DatabasesSupervisor.DefaultConfig, HoconAddMode.Append)
            .AddHocon(DrainPhase, HoconAddMode.Append)
            .WithActors((system, registry) =>
            {
                var databases = system.ActorOf(DatabasesSupervisor.Props(options), NodePaths.DatabasesName);
                registry.Register<DatabasesSupervisor>(databases);
                CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "akkarpc-drain-databases", async () =>
                {
                    try
                    {
                        await databases.Ask<DatabasesSupervisor.Drained>(DatabasesSupervisor.Drain.Instance, DrainTimeout).ConfigureAwait(false);
                    }
                    catch (AskTimeoutException)
                    {
                        system.Log.Warning("The databases did not drain within {0}; stopping anyway", DrainTimeout);
                    }

                    return Done.Instance;
                });
            });
    }
}
