namespace AkkaRpc.Actors;

/// <summary>Sending with an implicit sender, forwarding, and asking.</summary>
public static class ActorRefExtensions
{
    /// <summary>Sends <paramref name="message"/>; inside an actor the sender is that actor, elsewhere none (or the TestKit's test actor).</summary>
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.GetCurrentSelfOrNoSender());
    }

    /// <summary>Sends <paramref name="message"/> on behalf of the current message's sender, so replies go to it.</summary>
    /// <exception cref="InvalidOperationException">Called outside an actor.</exception>
    public static void Forward(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var cell = ActorCell.Current ?? throw new InvalidOperationException("Forward is only valid inside an actor; use Tell with an explicit sender elsewhere.");
        receiver.Tell(message, cell.CurrentSender);
    }

    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reply reference and returns the first reply. A
    /// <see cref="Status.Failure"/> reply throws its cause; no reply within <paramref name="timeout"/> throws
    /// <see cref="AskTimeoutException"/>; a recipient that is not running throws <see cref="ActorNotFoundException"/>.
    /// </summary>
    /// <param name="receiver">An actor reference or selection.</param>
    /// <param name="message">The question.</param>
    /// <param name="timeout">How long to wait; null uses <see cref="ActorSystemOptions.DefaultAskTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait (the message may still be processed).</param>
    public static Task<T> Ask<T>(this ICanTell receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var (system, target) = receiver switch
        {
            InternalActorRef r => (r.System, (IActorRef)r),
            ActorSelection s => (s.System, s.System.DeadLetters),
            _ => throw new NotSupportedException($"Cannot ask {receiver.GetType().Name}."),
        };
        if (system is null)
        {
            return Task.FromException<T>(new ActorNotFoundException("The ask was sent to ActorRefs.Nobody."));
        }

        var effective = timeout ?? system.Options.DefaultAskTimeout;
        if (effective <= TimeSpan.Zero && effective != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "An ask timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        var promise = PromiseActorRef<T>.Start(system, target, message, effective, cancellationToken);
        receiver.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>Asks with a timeout and no cancellation.</summary>
    public static Task<T> Ask<T>(this ICanTell receiver, object message, TimeSpan timeout) =>
        receiver.Ask<T>(message, (TimeSpan?)timeout);

    /// <summary>Asks with the default timeout and a cancellation token.</summary>
    public static Task<T> Ask<T>(this ICanTell receiver, object message, CancellationToken cancellationToken) =>
        receiver.Ask<T>(message, null, cancellationToken);
}
