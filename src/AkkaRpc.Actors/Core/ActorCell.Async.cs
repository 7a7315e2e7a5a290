namespace AkkaRpc.Actors;

internal sealed partial class ActorCell
{
    private bool _asyncPending;
    private Envelope? _asyncEnvelope;

    /// <summary>
    /// Runs a <c>ReceiveAsync</c> handler. Its continuations are posted back into this mailbox as system messages,
    /// so they run one at a time with the actor's context; user messages wait until the task ends.
    /// </summary>
    public void RunAsyncHandler<T>(T message, Func<T, Task> handler)
    {
        var instance = _actor!;
        var context = new ActorSynchronizationContext(this, instance, _current!.Value);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = handler(message);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult(); // Throws a fault straight into the supervision path.
            return;
        }

        _asyncPending = true;
        _asyncEnvelope = _current;
        Mailbox.Suspend();
        task.ContinueWith(
            static (t, state) =>
            {
                var (cell, actor) = ((ActorCell, ActorBase))state!;
                cell.Self.SendSystemMessage(new AsyncHandlerCompleted(actor, t));
            },
            (this, instance),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void AsyncHandlerFinished(AsyncHandlerCompleted completed)
    {
        if (!_asyncPending || !ReferenceEquals(completed.Instance, _actor))
        {
            return; // The instance was restarted or stopped meanwhile.
        }

        EndAsyncHandler();
        _current = _asyncEnvelope;
        _asyncEnvelope = null;
        if (completed.Task.IsCompletedSuccessfully)
        {
            RearmReceiveTimeout();
            return;
        }

        var cause = completed.Task.Exception?.InnerException
            ?? new TaskCanceledException($"The ReceiveAsync handler of {Self.Path} was canceled.");
        HandleInvokeFailure(cause, _current?.Message);
    }

    private void RunAsyncContinuation(RunContinuation continuation)
    {
        if (!ReferenceEquals(continuation.Instance, _actor))
        {
            return; // A continuation of an instance that has since been replaced or stopped.
        }

        _current = continuation.Envelope;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new ActorSynchronizationContext(this, continuation.Instance, continuation.Envelope));
        try
        {
            // An async method captures its own exceptions; a raw callback that throws fails the actor.
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>Undoes the suspension of a pending async handler (on completion, restart or stop).</summary>
    private void EndAsyncHandler()
    {
        if (_asyncPending)
        {
            _asyncPending = false;
            Mailbox.Resume();
        }
    }
}
