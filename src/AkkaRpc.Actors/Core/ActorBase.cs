using Microsoft.Extensions.Logging;

namespace AkkaRpc.Actors;

/// <summary>
/// The base of every actor. The kernel makes instances through <see cref="Props"/>, gives each one message
/// at a time, and makes a new instance from the same props when its supervisor restarts it.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private ILogger? _log;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    /// <exception cref="ActorInitializationException">The actor is constructed outside <see cref="Props"/>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Current ?? throw new ActorInitializationException(
            $"{GetType().Name} was constructed directly; actors are created with ActorOf(Props.Create(() => new {GetType().Name}(...))).");
    }

    /// <summary>This actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the current message.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>A logger named after the actor's type.</summary>
    protected ILogger Log => _log ??= _cell.GetLogger();

    internal ActorCell Cell => _cell;

    /// <summary>Handles one message; returns false if it was not handled.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>Runs before the first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs after the actor stopped; its children have stopped first.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before a restart; by default stops all children and calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in _cell.GetChildren())
        {
            _cell.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the new instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children; Akka's default strategy unless overridden.</summary>
    protected internal virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Called for a message the actor did not handle: an unhandled <see cref="Terminated"/> fails the actor with
    /// <see cref="DeathPactException"/>; anything else is recorded as a dead letter.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.DeadLetters.Tell(new UnhandledMessage(message, _cell.CurrentSender, Self), _cell.CurrentSender);
    }

    internal void AroundReceive(Receive receive, object message)
    {
        if (!receive(message))
        {
            Unhandled(message);
        }
    }

    internal void AroundPreStart() => PreStart();

    internal void AroundPostStop() => PostStop();

    internal void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void AroundPostRestart(Exception reason) => PostRestart(reason);
}
