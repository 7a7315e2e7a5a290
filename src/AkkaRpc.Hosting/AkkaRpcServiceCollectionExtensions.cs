using AkkaRpc.Actors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaRpc.Hosting;

/// <summary>Hosts an AkkaRpc <see cref="ActorSystem"/> on the generic host.</summary>
public static class AkkaRpcServiceCollectionExtensions
{
    /// <summary>
    /// Runs an actor system called <paramref name="systemName"/> as a hosted service: created when the host starts
    /// (options from the configuration's <c>actor</c> section, logging and <see cref="TimeProvider"/> from the
    /// container), terminated when it stops. Registers <see cref="ActorRegistry"/> and <see cref="ActorSystem"/>
    /// (resolvable once the host has started).
    /// </summary>
    public static IServiceCollection AddAkkaRpc(this IServiceCollection services, string systemName, Action<AkkaRpcBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(AkkaRpcHostedService)))
        {
            throw new InvalidOperationException("AddAkkaRpc was already called on this service collection; one host runs one actor system.");
        }

        var builder = new AkkaRpcBuilder(services, systemName);
        configure(builder);
        services.AddSingleton(builder);
        services.AddSingleton<ActorRegistry>();
        services.AddSingleton<AkkaRpcHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<AkkaRpcHostedService>());
        services.AddSingleton(sp => sp.GetRequiredService<AkkaRpcHostedService>().System);
        return services;
    }
}
