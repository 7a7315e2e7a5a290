using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Hosting;
using AkkaRpc.Hosting;
using AkkaRpc.Services.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaRpc.Services;

/// <summary>Hosts your own services in an Akka.Hosting actor system (<c>services.AddAkka(...)</c>).</summary>
public static class AkkaRpcServiceHostingExtensions
{
    private static readonly ConditionalWeakTable<ActorSystem, HashSet<string>> Names = new();

    /// <summary>
    /// Hosts <typeparamref name="TImplementation"/> as the service <paramref name="name"/> with the interface
    /// <typeparamref name="TService"/>: one actor at <c>/user/services/&lt;name&gt;</c>, with one instance made from
    /// the application's services (constructor injection), running its calls one at a time. Other processes reach it
    /// when the system listens on AkkaRpc's transport (<see cref="AkkaRpcHostingExtensions.WithAkkaRpcTransport"/>; at
    /// <see cref="AkkaRpcServices.SocketPath"/> of the name, clients find it by name alone).
    /// </summary>
    /// <exception cref="ArgumentException">The name or an option is invalid.</exception>
    /// <exception cref="InvalidOperationException"><typeparamref name="TService"/> has no generated code.</exception>
    public static AkkaConfigurationBuilder WithAkkaRpcService<TService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(
        this AkkaConfigurationBuilder builder, string name, Action<ServiceOptions>? configure = null)
        where TService : class
        where TImplementation : class, TService =>
        builder.WithAkkaRpcService<TService>(name, provider => ActivatorUtilities.CreateInstance<TImplementation>(provider), configure);

    /// <summary>
    /// Hosts the service <paramref name="name"/> with the interface <typeparamref name="TService"/>, its instance made by
    /// <paramref name="factory"/> (again after a restart); otherwise as <see cref="WithAkkaRpcService{TService, TImplementation}"/>.
    /// </summary>
    public static AkkaConfigurationBuilder WithAkkaRpcService<TService>(
        this AkkaConfigurationBuilder builder, string name, Func<IServiceProvider, TService> factory, Action<ServiceOptions>? configure = null)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        AkkaRpcServices.ValidateName(name);
        var options = new ServiceOptions();
        configure?.Invoke(options);
        options.Validate();
        var descriptor = ServiceDescriptors.Get<TService>();
        return builder
            .WithAkkaRpcSerialization()
            .WithActors((system, registry, resolver) =>
            {
                ServiceSerialization.Ensure(system, descriptor);
                var provider = resolver.GetService<IServiceProvider>();
                if (!Names.GetValue(system, _ => []).Add(name))
                {
                    throw new InvalidOperationException($"A service named '{name}' is already hosted in this actor system: each WithAkkaRpcService needs its own name.");
                }

                var services = Registry(system, registry);
                var invoker = new ServiceInvoker<TService>(descriptor, () => factory(provider));
                registry.TryRegister<ServicesRegistry>(services);

                // Messages to the registry are handled in order: a client's ResolveService always finds the service.
                services.Tell(new ServicesRegistry.AddService(name, ServiceActor.Props(name, invoker, options)));
            });
    }

    private static IActorRef Registry(ActorSystem system, IActorRegistry registry) =>
        registry.TryGet<ServicesRegistry>(out var existing) ? existing : system.ActorOf(Props.Create<ServicesRegistry>(), ServicesRegistry.Name);
}
