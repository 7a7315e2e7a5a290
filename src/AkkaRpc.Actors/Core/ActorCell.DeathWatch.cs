using Microsoft.Extensions.Logging;

namespace AkkaRpc.Actors;

internal sealed partial class ActorCell
{
    private readonly HashSet<IActorRef> _watching = [];
    private readonly HashSet<IActorRef> _watchedBy = [];
    private readonly HashSet<IActorRef> _terminatedQueued = [];
    private readonly HashSet<IActorRef> _childrenStopping = [];
    private bool _isTerminating;
    private volatile bool _isTerminated;

    public bool IsTerminated => _isTerminated;

    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!subject.Equals(Self) && _watching.Add(subject))
        {
            ((InternalActorRef)subject).SendSystemMessage(new Watch(subject, Self));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching.Remove(subject))
        {
            ((InternalActorRef)subject).SendSystemMessage(new Unwatch(subject, Self));
        }

        _terminatedQueued.Remove(subject);
        return subject;
    }

    /// <summary>Stops a child and remembers to wait for it (restart and stop both wait for such children).</summary>
    public void StopChild(ActorCell child)
    {
        _childrenStopping.Add(child.Self);
        child.Self.Stop();
    }

    private void AddWatcher(IActorRef watchee, IActorRef watcher)
    {
        if (!watchee.Equals(Self) || watcher.Equals(Self))
        {
            return;
        }

        if (_isTerminated)
        {
            ((InternalActorRef)watcher).SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true, AddressTerminated: false));
            return;
        }

        _watchedBy.Add(watcher);
    }

    private void RemoveWatcher(IActorRef watchee, IActorRef watcher)
    {
        if (watchee.Equals(Self))
        {
            _watchedBy.Remove(watcher);
        }
    }

    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var actor = notification.Actor;
        var wasChild = RemoveChild(actor);
        if (wasChild)
        {
            _childrenStopping.Remove(actor);
        }

        if (_watching.Remove(actor) && !_isTerminating)
        {
            // Delivered as a user message, in order with the others; it bypasses a bounded mailbox's capacity
            // because a watcher must learn of the death.
            _terminatedQueued.Add(actor);
            Mailbox.TryEnqueue(new Envelope(new Terminated(actor, notification.ExistenceConfirmed, notification.AddressTerminated), actor), ignoreCapacity: true);
        }

        if (wasChild)
        {
            OnChildGone();
        }
    }

    private void OnChildGone()
    {
        if (_isTerminating)
        {
            if (!HasChildren)
            {
                FinishTerminate();
            }
        }
        else if (_pendingRecreate is not null && _childrenStopping.Count == 0)
        {
            FinishRecreate();
        }
    }

    private void BeginTerminate()
    {
        lock (_children)
        {
            if (_isTerminating)
            {
                return;
            }

            _isTerminating = true;
        }

        SetReceiveTimeout(null);
        EndAsyncHandler();
        Mailbox.Suspend();
        foreach (var child in GetChildCells())
        {
            StopChild(child);
        }

        if (!HasChildren)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        try
        {
            _actor?.AroundPostStop();
        }
        catch (Exception e)
        {
            GetLogger().LogError(e, "{Path}: PostStop threw", Self.Path);
        }
        finally
        {
            _actor = null;
            _isTerminated = true;
            foreach (var envelope in _prepended)
            {
                System.DeadLetters.Tell(new DeadLetter(envelope.Message, envelope.Sender, Self), envelope.Sender);
            }

            _prepended.Clear();
            foreach (var envelope in _stash?.ClearStash() ?? [])
            {
                System.DeadLetters.Tell(new DeadLetter(envelope.Message, envelope.Sender, Self), envelope.Sender);
            }

            Mailbox.Close();
            TellWatchersWeDied();
            UnwatchWatchedActors();
            if (ParentRef is null)
            {
                System.OnRootTerminated();
            }
            else
            {
                ParentRef.SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true, AddressTerminated: false));
            }
        }
    }

    private void TellWatchersWeDied()
    {
        foreach (var watcher in _watchedBy)
        {
            // The parent learns through its own notification, sent last.
            if (!watcher.Equals(ParentRef))
            {
                ((InternalActorRef)watcher).SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true, AddressTerminated: false));
            }
        }

        _watchedBy.Clear();
    }

    private void UnwatchWatchedActors()
    {
        foreach (var watched in _watching)
        {
            ((InternalActorRef)watched).SendSystemMessage(new Unwatch(watched, Self));
        }

        _watching.Clear();
        _terminatedQueued.Clear();
    }
}
