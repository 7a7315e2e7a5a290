namespace AkkaRpc.Actors;

/// <summary>
/// The temporary reply reference of one ask: not an actor, just a completion source that the first reply
/// completes. A <see cref="Status.Failure"/> reply fails the ask with its cause.
/// </summary>
internal sealed class PromiseActorRef<T> : InternalActorRef, IPromiseRef
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem _system;
    private readonly long _id;
    private IActorRef? _target;
    private Type? _messageType;
    private ITimer? _timer;
    private CancellationTokenRegistration _cancellation;
    private ActorPath? _path;

    private PromiseActorRef(ActorSystem system)
    {
        _system = system;
        _id = system.NextTempId();
    }

    public override ActorPath Path => _path ??= _system.TempPath(_id);

    public override ActorSystem System => _system;

    public Task<T> Task => _completion.Task;

    public Task Completion => _completion.Task;

    public static PromiseActorRef<T> Start(ActorSystem system, IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var promise = new PromiseActorRef<T>(system) { _target = target, _messageType = message.GetType() };
        if (cancellationToken.CanBeCanceled)
        {
            promise._cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((PromiseActorRef<T>)state!).Cancel(token), promise);
        }

        if (timeout != Timeout.InfiniteTimeSpan)
        {
            promise._timer = system.TimeProvider.CreateTimer(
                static state => ((PromiseActorRef<T>)state!).TimeOut(),
                promise,
                timeout,
                Timeout.InfiniteTimeSpan);
        }

        return promise;
    }

    public override void Tell(object message, IActorRef? sender)
    {
        switch (message)
        {
            case Status.Failure failure:
                Complete(failure.Cause);
                break;
            case T reply:
                if (_completion.TrySetResult(reply))
                {
                    Cleanup();
                }

                break;
            default:
                Complete(new InvalidCastException(
                    $"The ask expected a reply of type {typeof(T).Name} but received {message.GetType().Name} from {sender?.Path.ToString() ?? "no sender"}."));
                break;
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        // A promise is not an actor: it cannot watch, and nobody watches it.
    }

    public void Fail(Exception cause) => Complete(cause);

    private void Complete(Exception cause)
    {
        if (_completion.TrySetException(cause))
        {
            Cleanup();
        }
    }

    private void Cancel(CancellationToken token)
    {
        if (_completion.TrySetCanceled(token))
        {
            Cleanup();
        }
    }

    private void TimeOut() => Complete(new AskTimeoutException(
        $"No reply from {_target?.Path.ToString() ?? "the recipient"} to {_messageType?.Name ?? "the message"} within the ask timeout."));

    private void Cleanup()
    {
        _timer?.Dispose();
        _cancellation.Dispose();
    }
}
