using AkkaRpc.Actors;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaRpc.Hosting;

/// <summary>Configures the actor system that <see cref="AkkaRpcServiceCollectionExtensions.AddAkkaRpc"/> hosts.</summary>
public sealed class AkkaRpcBuilder
{
    private readonly List<Func<ActorSystem, ActorRegistry, IServiceProvider, CancellationToken, Task>> _starters = [];
    private readonly List<Func<ActorSystem, ActorRegistry, CancellationToken, Task>> _stoppers = [];
    private readonly List<Func<ActorSystem, ActorRegistry, CancellationToken, Task>> _lastStoppers = [];

    internal AkkaRpcBuilder(IServiceCollection services, string systemName)
    {
        Services = services;
        SystemName = systemName;
    }

    /// <summary>The service collection, for registering what the actors need.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The actor system's name.</summary>
    public string SystemName { get; }

    internal Func<ActorSystemOptions, IServiceProvider, ActorSystemOptions> ConfigureOptions { get; private set; } = static (o, _) => o;

    internal IReadOnlyList<Func<ActorSystem, ActorRegistry, IServiceProvider, CancellationToken, Task>> Starters => _starters;

    /// <summary>The shutdown hooks in the order they run: ordinary ones newest first, then the "last" ones newest first.</summary>
    internal IEnumerable<Func<ActorSystem, ActorRegistry, CancellationToken, Task>> StoppersInOrder =>
        Enumerable.Reverse(_stoppers).Concat(Enumerable.Reverse(_lastStoppers));

    /// <summary>Adjusts the system's options after they were read from configuration.</summary>
    public AkkaRpcBuilder WithOptions(Func<ActorSystemOptions, ActorSystemOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = ConfigureOptions;
        ConfigureOptions = (o, sp) => configure(previous(o, sp));
        return this;
    }

    /// <summary>Starts actors once the system is up, in the order the calls were made; register them to make them reachable.</summary>
    public AkkaRpcBuilder WithActors(Action<ActorSystem, ActorRegistry> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return WithActors((system, registry, _) => start(system, registry));
    }

    /// <summary>Starts actors with access to the service provider.</summary>
    public AkkaRpcBuilder WithActors(Action<ActorSystem, ActorRegistry, IServiceProvider> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _starters.Add((system, registry, services, _) =>
        {
            start(system, registry, services);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Runs asynchronous start-up work (e.g. resolving an actor) once the system is up.</summary>
    public AkkaRpcBuilder WithStartup(Func<ActorSystem, ActorRegistry, IServiceProvider, CancellationToken, Task> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _starters.Add(start);
        return this;
    }

    /// <summary>
    /// Runs <paramref name="stop"/> when the host stops, before the system terminates; hooks run in the reverse
    /// order of registration (what started last stops first). The host's shutdown timeout bounds them.
    /// </summary>
    /// <param name="stop">The shutdown work.</param>
    /// <param name="last">Run after every other hook whatever the registration order (e.g. closing connections, so the
    /// replies of requests drained by other hooks still go out).</param>
    public AkkaRpcBuilder WithShutdown(Func<ActorSystem, ActorRegistry, CancellationToken, Task> stop, bool last = false)
    {
        ArgumentNullException.ThrowIfNull(stop);
        if (last)
        {
            _lastStoppers.Add(stop);
        }
        else
        {
            _stoppers.Add(stop);
        }

        return this;
    }
}
