using Akka.Actor;
using Akka.Event;
using Akka.Remote;

namespace AkkaRpc.Services;

/// <summary>
/// One hosted service instance: runs its calls one at a time, each to completion (awaited) before the next starts.
/// Calls wait in a queue per caller, taken round-robin, so one busy caller cannot starve the others; past
/// <see cref="ServiceOptions.MaxQueuedCalls"/> waiting calls a new one is answered <see cref="ServiceBusy"/> at once.
/// </summary>
/// <remarks>
/// An exception from the service is the caller's reply (<see cref="ServiceFailed"/>) and the instance keeps serving; only
/// one <see cref="ServiceOptions.IsFatal"/> marks fatal fails the actor, so its supervisor restarts it with a new
/// instance. Queued calls then did not run, and are answered so (<see cref="ServiceNotRun"/>), which their clients resend.
/// </remarks>
internal sealed partial class ServiceActor : ReceiveActor, IWithTimers
{
    private const string CallTimer = "call";
    private readonly string _name;
    private readonly ServiceInvoker _invoker;
    private readonly ServiceOptions _options;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<IActorRef, Queue<Pending>> _byCaller = [];
    private readonly Queue<IActorRef> _rotation = new();
    private int _queued;
    private Pending? _running;
    private CancellationTokenSource? _runCancel;
    private long _runId;

    // Public: Akka creates actors through their public constructors (Props.Create only names it).
    public ServiceActor(string name, ServiceInvoker invoker, ServiceOptions options)
    {
        _name = name;
        _invoker = invoker;
        _options = options;
        Receive<ServiceRequest>(Arrive);
        Receive<Completed>(c => c.RunId == _runId && _running is not null, Complete);
        Receive<Completed>(_ => { });
        Receive<CallDeadline>(d => d.RunId == _runId, _ => _runCancel?.Cancel());
        Receive<CallDeadline>(_ => { });
        Receive<CancelCall>(Cancel);
        Receive<LeaseExpired>(e => e.SessionId == _session?.Id, _ => EndSession(expired: true, "idled past its lease"));
        Receive<LeaseExpired>(_ => { });
        Receive<Terminated>(t => t.ActorRef.Equals(_session?.Holder), _ => EndSession(expired: false, "its holder stopped"));
        Receive<Terminated>(_ => { });
        Receive<DisassociatedEvent>(PeerGone);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string name, ServiceInvoker invoker, ServiceOptions options) =>
        Akka.Actor.Props.Create(() => new ServiceActor(name, invoker, options));

    protected override void PreStart()
    {
        _invoker.Start();
        Context.System.EventStream.Subscribe(Self, typeof(DisassociatedEvent));
    }

    protected override void PreRestart(Exception reason, object message)
    {
        NotRun("the service restarted after a fatal failure");
        base.PreRestart(reason, message);
    }

    protected override void PostStop()
    {
        NotRun("the service stopped");
        _runCancel?.Cancel();
        // Disposing the instance may be asynchronous; the actor does not wait for it (the next instance is a new object).
        _ = _invoker.StopAsync().AsTask();
        Context.System.EventStream.Unsubscribe(Self);
    }

    private void Arrive(ServiceRequest request)
    {
        var pending = new Pending(request, Sender, Context.System.Scheduler.Now);
        if (request.Header.SessionId != 0)
        {
            if (_session is not { } session || session.Id != request.Header.SessionId)
            {
                Reply(pending, new SessionNotFound(request.Header.SessionId, Expired: request.Header.SessionId == _expiredSession));
                return;
            }

            if (!HasRoom(pending))
            {
                return;
            }

            session.Calls.Enqueue(pending);
            _queued++;
        }
        else
        {
            if (!HasRoom(pending))
            {
                return;
            }

            var caller = request.Header.Caller ?? Sender;
            if (!_byCaller.TryGetValue(caller, out var queue))
            {
                queue = new Queue<Pending>();
                _byCaller.Add(caller, queue);
                _rotation.Enqueue(caller);
            }

            queue.Enqueue(pending);
            _queued++;
        }

        RunNext();
    }

    private bool HasRoom(Pending pending)
    {
        if (_queued < _options.MaxQueuedCalls)
        {
            return true;
        }

        if (pending.Request.Header.OneWay)
        {
            _log.Warning("Service {0}: dropped a notification, its queue of {1} calls is full", _name, _options.MaxQueuedCalls);
        }

        Reply(pending, new ServiceBusy(_options.MaxQueuedCalls));
        return false;
    }

    /// <summary>Starts queued requests until one is left running (awaiting) or none is left.</summary>
    private void RunNext()
    {
        while (_running is null && TakeNext() is { } next)
        {
            var header = next.Request.Header;
            if (header.TimeLimit > TimeSpan.Zero && Context.System.Scheduler.Now - next.Arrived > header.TimeLimit)
            {
                // Its caller has given up waiting; it has not run, and now never will.
                Reply(next, new ServiceCallExpired(header.TimeLimit));
                continue;
            }

            switch (next.Request)
            {
                case OpenSession open:
                    StartSession(next, open);
                    break;
                case CloseSession close:
                    EndSession(expired: false, "closed by its holder");
                    Reply(next, new SessionClosed(close.SessionId));
                    break;
                case ServiceCall call:
                    Run(next, call);
                    break;
            }
        }
    }

    private Pending? TakeNext()
    {
        if (_session is { } session)
        {
            // While a session is held only its holder's calls run; the others wait their turn.
            if (session.Calls.TryDequeue(out var own))
            {
                _queued--;
                return own;
            }

            return null;
        }

        while (_rotation.TryDequeue(out var caller))
        {
            var queue = _byCaller[caller];
            var next = queue.Dequeue();
            _queued--;
            if (queue.Count > 0)
            {
                _rotation.Enqueue(caller);
            }
            else
            {
                _byCaller.Remove(caller);
            }

            return next;
        }

        return null;
    }

    private void Run(Pending pending, ServiceCall call)
    {
        RenewLease();
        var runId = ++_runId;
        var cancel = new CancellationTokenSource();
        Task<ServiceReply> task;
        try
        {
            task = _invoker.DispatchAsync(call, cancel.Token);
        }
        catch (Exception e)
        {
            task = Task.FromException<ServiceReply>(e);
        }

        if (task.IsCompleted)
        {
            // The common case for quick services: no message to ourselves, no timer.
            cancel.Dispose();
            Finish(pending, task);
            return;
        }

        _running = pending;
        _runCancel = cancel;
        if (call.Header.TimeLimit > TimeSpan.Zero)
        {
            Timers.StartSingleTimer(CallTimer, new CallDeadline(runId), call.Header.TimeLimit);
        }

        var self = Self;
        task.ContinueWith(t => self.Tell(new Completed(runId, t)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Complete(Completed completed)
    {
        var pending = _running!;
        _running = null;
        Timers.Cancel(CallTimer);
        _runCancel?.Dispose();
        _runCancel = null;
        Finish(pending, completed.Task);
        RunNext();
    }

    private void Finish(Pending pending, Task<ServiceReply> task)
    {
        if (task.IsCompletedSuccessfully)
        {
            Reply(pending, task.Result);
            return;
        }

        var error = task.Exception?.InnerException ?? new OperationCanceledException("The service call was cancelled.");
        var call = (ServiceCall)pending.Request;
        if (pending.Request.Header.OneWay)
        {
            _log.Warning(error, "Service {0}: notification {1} failed", _name, call.GetType().Name);
        }

        Reply(pending, new ServiceFailed(error.GetType().FullName ?? error.GetType().Name, error.Message, error.StackTrace, _invoker.DeclaredIndexOf(error)));
        if (_options.IsFatal?.Invoke(error) == true)
        {
            throw new ServiceFatalException($"Service {_name}: {error.GetType().Name} is marked fatal; restarting with a new instance.", error);
        }
    }

    private void Cancel(CancelCall cancel)
    {
        if (_running is { Request.Header: var running } && running.CallId == cancel.CallId && Equals(running.Caller, cancel.Caller))
        {
            _runCancel?.Cancel();
            return;
        }

        // Still queued: drop it unrun (its caller has stopped waiting for the reply).
        if (_byCaller.TryGetValue(cancel.Caller, out var queue) && queue.Any(p => p.Request.Header.CallId == cancel.CallId))
        {
            var kept = queue.Where(p => p.Request.Header.CallId != cancel.CallId).ToList();
            _queued -= queue.Count - kept.Count;
            queue.Clear();
            foreach (var p in kept)
            {
                queue.Enqueue(p);
            }
        }
    }

    private void Reply(Pending pending, ServiceReply reply)
    {
        if (!pending.Request.Header.OneWay)
        {
            pending.ReplyTo.Tell(reply);
        }
    }

    private void NotRun(string reason)
    {
        var reply = new ServiceNotRun(reason);
        foreach (var queue in _byCaller.Values)
        {
            foreach (var pending in queue)
            {
                Reply(pending, reply);
            }
        }

        if (_session is { } session)
        {
            foreach (var pending in session.Calls)
            {
                Reply(pending, reply);
            }
        }

        _byCaller.Clear();
        _rotation.Clear();
        _queued = 0;
    }

    private sealed record Pending(ServiceRequest Request, IActorRef ReplyTo, DateTimeOffset Arrived);

    private sealed record Completed(long RunId, Task<ServiceReply> Task);

    private sealed record CallDeadline(long RunId);
}
