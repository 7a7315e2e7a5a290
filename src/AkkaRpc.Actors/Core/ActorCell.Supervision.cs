using Microsoft.Extensions.Logging;

namespace AkkaRpc.Actors;

internal sealed partial class ActorCell
{
    private bool _isFailed;
    private object? _failureMessage;
    private Exception? _pendingRecreate;

    // The child whose escalated failure made this actor fail (Akka's "perpetrator"): it is already suspended by its own
    // failure and waits for a decision, so when this actor is resumed or restarted it must be resumed or restarted too.
    private IActorRef? _failedChild;

    /// <summary>
    /// The actor threw: suspend it and its children and ask the parent what to do. The failing message is not
    /// retried whatever the parent decides.
    /// </summary>
    public void HandleInvokeFailure(Exception cause, object? message) => HandleInvokeFailure(cause, message, perpetrator: null);

    private void HandleInvokeFailure(Exception cause, object? message, IActorRef? perpetrator)
    {
        if (_isTerminating || _isFailed)
        {
            // Already stopping, or already waiting for the supervisor's decision: nothing more to decide.
            GetLogger().LogError(cause, "{Path} threw while {State}", Self.Path, _isTerminating ? "stopping" : "awaiting its supervisor");
            return;
        }

        _isFailed = true;
        _failureMessage = message;
        _failedChild = perpetrator;
        Mailbox.Suspend();
        foreach (var child in GetChildCells())
        {
            // The perpetrator suspended itself when it failed; suspending it twice would leave it suspended for good.
            if (!child.Self.Equals(perpetrator))
            {
                child.Self.SendSystemMessage(new Suspend());
            }
        }

        if (ParentRef is null)
        {
            GetLogger().LogCritical(cause, "The root guardian of {System} failed; terminating the system", System.Name);
            BeginTerminate();
            return;
        }

        ParentRef.SendSystemMessage(new Failed(Self, cause, Self.Path.Uid));
    }

    private void HandleChildFailure(Failed failed)
    {
        var stats = GetChildStats(failed.Child);
        if (stats is null)
        {
            return; // An old incarnation, or a child that has already gone.
        }

        var strategy = Props.SupervisorStrategy ?? _actor?.SupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
        var directive = strategy.Decide(failed.Cause);
        LogChildFailure(failed, directive);
        if (directive == Directive.Escalate)
        {
            HandleInvokeFailure(failed.Cause, null, failed.Child);
            return;
        }

        strategy.Apply(this, directive, failed.Cause, stats, GetAllChildStats());
    }

    private void LogChildFailure(Failed failed, Directive directive)
    {
        var logger = System.LoggerFactory.CreateLogger(failed.Child.Path.ToString());
        var level = directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
        logger.Log(level, failed.Cause, "{Child} failed; supervisor {Supervisor} decided {Directive}", failed.Child.Path, Self.Path, directive);
    }

    private void SuspendSelfAndChildren()
    {
        Mailbox.Suspend();
        foreach (var child in GetChildCells())
        {
            child.Self.SendSystemMessage(new Suspend());
        }
    }

    private void ResumeAfterFailure(Exception? causedByFailure)
    {
        IActorRef? perpetrator = null;
        if (causedByFailure is not null)
        {
            if (!_isFailed)
            {
                return;
            }

            _isFailed = false;
            _failureMessage = null;
            perpetrator = _failedChild;
            _failedChild = null;
        }

        Mailbox.Resume();
        foreach (var child in GetChildCells())
        {
            // As in Akka, the child whose failure was escalated is resumed as if its own supervisor had said Resume.
            child.Self.SendSystemMessage(new Resume(child.Self.Equals(perpetrator) ? causedByFailure : null));
        }
    }

    private void BeginRecreate(Exception cause)
    {
        if (_isTerminating)
        {
            return;
        }

        if (!_isFailed)
        {
            // All-for-one restart of a sibling that did not fail itself: suspend it like a failed one.
            _isFailed = true;
            Mailbox.Suspend();
        }

        EndAsyncHandler();
        var failed = _actor;
        if (failed is not null)
        {
            try
            {
                failed.AroundPreRestart(cause, _failureMessage);
            }
            catch (Exception e)
            {
                GetLogger().LogError(e, "{Path}: PreRestart threw; restarting anyway", Self.Path);
            }
        }

        _actor = null;
        if (_stash is { Count: > 0 })
        {
            Prepend(_stash.ClearStash());
        }

        _pendingRecreate = cause;
        if (_childrenStopping.Count == 0)
        {
            FinishRecreate();
        }
    }

    private void FinishRecreate()
    {
        var cause = _pendingRecreate!;
        var perpetrator = _failedChild;
        _pendingRecreate = null;
        _isFailed = false;
        _failureMessage = null;
        _failedChild = null;

        // Resume before creating: if creation fails, the new failure suspends again and the counts still match.
        Mailbox.Resume();
        foreach (var survivor in GetChildCells())
        {
            // A surviving child whose escalated failure caused this restart is still failed: restart it (as Akka restarts
            // survivors); the others were only suspended along with this actor.
            survivor.Self.SendSystemMessage(survivor.Self.Equals(perpetrator) ? new Recreate(cause) : new Resume(null));
        }

        CreateInstance(cause);
    }
}
