namespace AkkaRpc.Services;

/// <summary>A service instance and its generated dispatcher, as the actor sees them: no type parameters, no reflection.</summary>
internal abstract class ServiceInvoker
{
    /// <summary>Creates the instance; the actor calls it at start and at each restart.</summary>
    public abstract void Start();

    /// <summary>Runs one call on the instance.</summary>
    public abstract Task<ServiceReply> DispatchAsync(ServiceCall call, CancellationToken cancellationToken);

    /// <summary>The index of <paramref name="exception"/> among the interface's declared exceptions, or -1.</summary>
    public abstract int DeclaredIndexOf(Exception exception);

    /// <summary>Disposes the instance, if it is disposable.</summary>
    public abstract ValueTask StopAsync();
}

/// <summary>The <see cref="ServiceInvoker"/> of <typeparamref name="TService"/>.</summary>
internal sealed class ServiceInvoker<TService>(ServiceDescriptor<TService> descriptor, Func<TService> factory) : ServiceInvoker
    where TService : class
{
    private TService? _instance;

    public ServiceDescriptor<TService> Descriptor => descriptor;

    public override void Start() => _instance = factory();

    public override Task<ServiceReply> DispatchAsync(ServiceCall call, CancellationToken cancellationToken) =>
        descriptor.DispatchAsync(_instance ?? throw new InvalidOperationException("The service instance has not started."), call, cancellationToken);

    public override int DeclaredIndexOf(Exception exception) => descriptor.DeclaredIndexOf(exception);

    public override async ValueTask StopAsync()
    {
        switch (Interlocked.Exchange(ref _instance, null))
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
