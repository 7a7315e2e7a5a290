namespace AkkaRpc.Actors;

/// <summary>Akka's <c>GracefulStop</c>: stop an actor after the messages before the stop message, and wait for it.</summary>
public static class GracefulStopExtensions
{
    /// <summary>
    /// Sends <paramref name="stopMessage"/> (default <see cref="PoisonPill"/>) and completes when the actor has
    /// stopped: true if within <paramref name="timeout"/>, false otherwise (it may still stop later).
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not InternalActorRef { System: { } system } local)
        {
            return true; // Nobody: already "stopped".
        }

        var watcher = new StopWatcher(system, target);
        local.SendSystemMessage(new Watch(target, watcher));
        target.Tell(stopMessage ?? PoisonPill.Instance, ActorRefs.NoSender);
        try
        {
            await watcher.Stopped.WaitAsync(timeout, system.TimeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Not an actor: a reference that only listens for the target's death notification.</summary>
    private sealed class StopWatcher(ActorSystem system, IActorRef target) : InternalActorRef
    {
        private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ActorPath? _path;

        public Task Stopped => _stopped.Task;

        public override ActorPath Path => _path ??= system.TempPath(system.NextTempId());

        public override ActorSystem System => system;

        public override void Tell(object message, IActorRef? sender)
        {
        }

        public override void SendSystemMessage(SystemMessage message)
        {
            if (message is DeathWatchNotification notification && notification.Actor.Equals(target))
            {
                _stopped.TrySetResult();
            }
        }
    }
}
