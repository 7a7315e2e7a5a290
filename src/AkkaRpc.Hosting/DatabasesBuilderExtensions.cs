using AkkaRpc.Actors;
using AkkaRpc.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaRpc.Hosting;

/// <summary>Starts the database owners' supervisor on a hosted actor system.</summary>
public static class DatabasesBuilderExtensions
{
    /// <summary>
    /// Starts <c>/user/databases</c> with options read from the configuration's <c>databases</c> section
    /// (HOCON <c>akkarpc.databases</c>), adjusted by <paramref name="configure"/>, and registers it in the
    /// <see cref="ActorRegistry"/> under <see cref="DatabasesSupervisor"/>.
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
        });
    }
}
