using AkkaRpc.Actors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Hosting;

/// <summary>Runs the actor system with the host: created and started on start, terminated on stop.</summary>
internal sealed class AkkaRpcHostedService(AkkaRpcBuilder builder, ActorRegistry registry, IServiceProvider services) : IHostedService
{
    private readonly TaskCompletionSource<ActorSystem> _system = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The running system; throws if the host has not started it.</summary>
    public ActorSystem System => _system.Task.IsCompletedSuccessfully
        ? _system.Task.Result
        : throw new InvalidOperationException("The AkkaRpc actor system is not running yet: resolve it after the host has started, or use ActorRegistry.GetAsync.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = services.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build();
        var defaults = new ActorSystemOptions
        {
            LoggerFactory = services.GetService<ILoggerFactory>() ?? new ActorSystemOptions().LoggerFactory,
            TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System,
        };
        ActorSystem? system = null;
        try
        {
            var options = builder.ConfigureOptions(ActorSystemOptionsReader.Read(configuration, defaults), services);
            system = ActorSystem.Create(builder.SystemName, options);
            foreach (var start in builder.Starters)
            {
                await start(system, registry, services, cancellationToken).ConfigureAwait(false);
            }

            _system.TrySetResult(system);
        }
        catch (Exception e)
        {
            registry.FailPending(new InvalidOperationException($"The AkkaRpc actor system '{builder.SystemName}' failed to start: {e.Message}", e));
            _system.TrySetException(e);
            if (system is not null)
            {
                await system.Terminate().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_system.Task.IsCompletedSuccessfully)
        {
            return;
        }

        var system = _system.Task.Result;
        try
        {
            foreach (var stop in builder.StoppersInOrder)
            {
                try
                {
                    await stop(system, registry, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One failed or timed-out hook must not skip the rest (closing remoting removes the socket file).
                    services.GetService<ILoggerFactory>()?.CreateLogger<AkkaRpcHostedService>()
                        .LogError(e, "A shutdown step of actor system {System} failed; continuing with the others", system.Name);
                }
            }
        }
        finally
        {
            // Waits for every PostStop; the host's shutdown timeout bounds it.
            await system.Terminate().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
