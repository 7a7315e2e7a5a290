using AkkaRpc.Actors;
using AkkaRpc.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaRpc.Hosting;

/// <summary>Starts the database owners' supervisor on a hosted actor system.</summary>
public static class DatabasesBuilderExtensions
{
    // Bounded by the host's own shutdown timeout too; this keeps a stuck database from holding the rest.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Starts <c>/user/databases</c> with options read from the configuration's <c>databases</c> section
    /// (HOCON <c>akkarpc.databases</c>), adjusted by <paramref name="configure"/>, and registers it in the
    /// <see cref="ActorRegistry"/> under <see cref="DatabasesSupervisor"/>. On shutdown every owner first answers the
    /// requests already queued for it, then closes its database.
    /// </summary>
    public static AkkaRpcBuilder WithDatabases(this AkkaRpcBuilder builder, Func<DatabasesOptions, DatabasesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithActors((system, registry, services) =>
        {
            var configuration = services.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build();
            var options = DatabasesOptionsReader.Read(configuration);
            options = configure?.Invoke(options) ?? options;
            var databases = system.ActorOf(DatabasesSupervisor.Props(options), DatabasesSupervisor.Name);
            registry.Register<DatabasesSupervisor>(databases);
        }).WithShutdown(async (_, registry, cancellationToken) =>
        {
            if (registry.TryGet<DatabasesSupervisor>(out var databases))
            {
                await databases!.GracefulStop(ShutdownTimeout, DatabasesSupervisor.StopDatabases.Instance, cancellationToken).ConfigureAwait(false);
            }
        });
    }
}
