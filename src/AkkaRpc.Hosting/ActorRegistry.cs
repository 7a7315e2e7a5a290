using System.Collections.Concurrent;

namespace AkkaRpc.Hosting;

/// <summary>
/// Actor references by key, so application code can reach the actors a host started. <see cref="GetAsync{TKey}"/>
/// waits for the actor to be registered instead of failing while the host is still starting.
/// </summary>
public sealed class ActorRegistry
{
    private readonly ConcurrentDictionary<Type, TaskCompletionSource<AkkaRpc.Actors.IActorRef>> _entries = new();

    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="InvalidOperationException">Something is already registered under that key.</exception>
    public void Register<TKey>(AkkaRpc.Actors.IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Entry(typeof(TKey)).TrySetResult(actor))
        {
            throw new InvalidOperationException($"An actor is already registered under {typeof(TKey).Name}.");
        }
    }

    /// <summary>The actor registered under <typeparamref name="TKey"/>, if it is there yet.</summary>
    public bool TryGet<TKey>(out AkkaRpc.Actors.IActorRef? actor)
    {
        var task = Entry(typeof(TKey)).Task;
        actor = task.IsCompletedSuccessfully ? task.Result : null;
        return actor is not null;
    }

    /// <summary>The actor registered under <typeparamref name="TKey"/>, waiting until it is.</summary>
    public Task<AkkaRpc.Actors.IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default) =>
        Entry(typeof(TKey)).Task.WaitAsync(cancellationToken);

    /// <summary>Fails every pending <see cref="GetAsync{TKey}"/>: the host did not start.</summary>
    internal void FailPending(Exception cause)
    {
        foreach (var entry in _entries.Values)
        {
            entry.TrySetException(cause);
        }
    }

    private TaskCompletionSource<AkkaRpc.Actors.IActorRef> Entry(Type key) =>
        _entries.GetOrAdd(key, static _ => new TaskCompletionSource<AkkaRpc.Actors.IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously));
}
