using Microsoft.Extensions.Logging;

namespace AkkaRpc.Actors;

/// <summary>
/// Supervises one child and restarts it after growing delays (see <see cref="BackoffOptions.DelayFor"/>), so a
/// child that fails because of something outside (a locked file, a full disk) does not spin. Other messages are
/// forwarded to the child; while it is down they become dead letters.
/// </summary>
public sealed class BackoffSupervisor : ActorBase
{
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private bool _childFailed;
    private int _restartCount;
    private long _generation;

    private BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
    }

    /// <summary>Props of a supervisor with these options.</summary>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    /// <summary>Asks for the current child; answered with <see cref="CurrentChild"/>.</summary>
    public sealed record GetCurrentChild
    {
        /// <summary>The only instance.</summary>
        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The current child, or null while it is down.</summary>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Asks how many restarts count towards the delay; answered with <see cref="RestartCount"/>.</summary>
    public sealed record GetRestartCount
    {
        /// <summary>The only instance.</summary>
        public static GetRestartCount Instance { get; } = new();
    }

    /// <summary>The number of restarts since the last reset.</summary>
    public sealed record RestartCount(int Count);

    /// <summary>Resets the delay to the minimum.</summary>
    public sealed record Reset
    {
        /// <summary>The only instance.</summary>
        public static Reset Instance { get; } = new();
    }

    private sealed record StartChild;

    private sealed record ResetRestartCount(long Generation);

    /// <inheritdoc />
    protected override void PreStart() => StartChildNow();

    /// <inheritdoc />
    protected internal override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(cause =>
    {
        var directive = _options.Decider(cause);
        if (_options.Mode == BackoffMode.OnFailure && directive == Directive.Restart)
        {
            // Restart later, after the delay: stop it now.
            _childFailed = true;
            return Directive.Stop;
        }

        return directive;
    });

    /// <inheritdoc />
    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated terminated when terminated.ActorRef.Equals(_child):
                OnChildTerminated();
                return true;
            case StartChild:
                if (_child is null)
                {
                    StartChildNow();
                }

                return true;
            case ResetRestartCount reset:
                if (reset.Generation == _generation && _child is not null)
                {
                    _restartCount = 0;
                }

                return true;
            case GetCurrentChild:
                Sender.Tell(new CurrentChild(_child), Self);
                return true;
            case GetRestartCount:
                Sender.Tell(new RestartCount(_restartCount), Self);
                return true;
            case Reset:
                _restartCount = 0;
                return true;
            case Terminated:
                return false;
            default:
                if (_child is null)
                {
                    Context.System.DeadLetters.Tell(new DeadLetter(message, Sender, Self), Sender);
                }
                else
                {
                    _child.Forward(message);
                }

                return true;
        }
    }

    private void StartChildNow()
    {
        _childFailed = false;
        _generation++;
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        var reset = _options.ResetBackoff ?? _options.MinBackoff;
        Context.System.Scheduler.ScheduleTellOnce(reset, Self, new ResetRestartCount(_generation), Self);
    }

    private void OnChildTerminated()
    {
        _child = null;
        if (_options.Mode == BackoffMode.OnFailure && !_childFailed)
        {
            Context.Stop(Self); // The child stopped by itself: so do we.
            return;
        }

        if (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries)
        {
            Log.LogWarning("{Path}: child {Child} gave up after {Count} restarts", Self.Path, _options.ChildName, _restartCount);
            Context.Stop(Self);
            return;
        }

        var delay = _options.DelayFor(_restartCount, Random.Shared.NextDouble());
        _restartCount++;
        Context.System.Scheduler.ScheduleTellOnce(delay, Self, new StartChild(), Self);
    }
}
