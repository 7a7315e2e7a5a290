using Microsoft.Extensions.Logging;

namespace AkkaRpc.Actors;

/// <summary>
/// The kernel's side of one actor: its mailbox, current instance, behaviour stack, children, watchers and
/// lifecycle state. Everything here runs on the single thread that is running the mailbox, except the
/// children table (locked) and the entry points that only enqueue.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_current;

    private readonly List<Receive> _behaviors = [];
    private readonly Queue<Envelope> _prepended = new();
    private Envelope? _current;
    private ActorBase? _actor;
    private ActorStash? _stash;
    private ILogger? _logger;

    public ActorCell(ActorSystem system, InternalActorRef? parent, ActorPath path, Props props)
    {
        System = system;
        ParentRef = parent;
        Props = props;
        Mailbox = new Mailbox(props.MailboxCapacity, system.Options.Throughput);
        Self = new LocalActorRef(this, path);
        Mailbox.SetCell(this);
    }

    /// <summary>The cell whose mailbox this thread is running, if any.</summary>
    public static ActorCell? Current
    {
        get => t_current;
        set => t_current = value;
    }

    public ActorSystem System { get; }

    public Props Props { get; }

    public LocalActorRef Self { get; }

    public InternalActorRef? ParentRef { get; }

    public Mailbox Mailbox { get; }

    public Envelope? CurrentEnvelope => _current;

    public IActorRef? CurrentSender => _current?.Sender;

    public ActorBase? Actor => _actor;

    IActorRef IActorContext.Self => Self;

    public IActorRef Sender => _current?.Sender ?? System.DeadLetters;

    public IActorRef Parent => (IActorRef?)ParentRef ?? Self;

    public bool HasPrepended => _prepended.Count > 0;

    /// <summary>The sender for an implicit <c>Tell</c>: the running actor, else the ambient test sender, else none.</summary>
    public static IActorRef? GetCurrentSelfOrNoSender() => t_current?.Self ?? ImplicitSender.Current;

    public ILogger GetLogger() => _logger ??= System.LoggerFactory.CreateLogger(Props.ActorType);

    public void Start() => Mailbox.EnqueueSystem(new Create());

    public void SendMessage(in Envelope envelope)
    {
        if (Mailbox.TryEnqueue(envelope))
        {
            return;
        }

        // Bounded and full: tell the sender first (an asker then fails with the real reason), and record the
        // refusal as a dead letter; nothing is dropped silently.
        var sender = envelope.Sender;
        if (sender is not null && sender is not DeadLetterActorRef)
        {
            var reply = Props.MailboxFullReply?.Invoke(envelope.Message, Self)
                ?? new Status.Failure(new MailboxFullException(Self, Props.MailboxCapacity));
            sender.Tell(reply, Self);
        }

        System.DeadLetters.Tell(new DeadLetter(envelope.Message, sender, Self), sender);
    }

    /// <summary>Counts user messages run, so the stash can tell "this message again" from "an equal message".</summary>
    public long InvocationCount { get; private set; }

    /// <summary>Runs one user message.</summary>
    public void Invoke(Envelope envelope)
    {
        InvocationCount++;
        _current = envelope;
        try
        {
            if (envelope.Message is IAutoReceivedMessage auto)
            {
                AutoReceive(auto);
            }
            else
            {
                _actor!.AroundReceive(_behaviors[^1], envelope.Message);
            }

            if (envelope.Message is not INotInfluenceReceiveTimeout)
            {
                RearmReceiveTimeout();
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, envelope.Message);
        }
    }

    private void AutoReceive(IAutoReceivedMessage message)
    {
        switch (message)
        {
            case PoisonPill:
                Stop(Self);
                break;
            case Kill:
                throw new ActorKilledException();
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, Self), Self);
                break;
            case Terminated terminated:
                // Drop a Terminated that was queued before an Unwatch.
                if (_terminatedQueued.Remove(terminated.ActorRef))
                {
                    _actor!.AroundReceive(_behaviors[^1], terminated);
                }

                break;
            default:
                _actor!.AroundReceive(_behaviors[^1], message);
                break;
        }
    }

    /// <summary>Runs one system message.</summary>
    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    CreateInstance(cause: null);
                    break;
                case Terminate:
                    BeginTerminate();
                    break;
                case Suspend:
                    SuspendSelfAndChildren();
                    break;
                case Resume resume:
                    ResumeAfterFailure(resume.CausedByFailure);
                    break;
                case Recreate recreate:
                    BeginRecreate(recreate.Cause);
                    break;
                case Failed failed:
                    HandleChildFailure(failed);
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
                case AsyncHandlerCompleted completed:
                    AsyncHandlerFinished(completed);
                    break;
                case RunContinuation continuation:
                    RunAsyncContinuation(continuation);
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, null);
        }
    }

    /// <summary>A system message that reached a terminated actor: answer watchers, drop the rest.</summary>
    public void SystemInvokeAfterTermination(SystemMessage message)
    {
        if (message is Watch watch && watch.Watchee.Equals(Self) && !watch.Watcher.Equals(Self))
        {
            ((InternalActorRef)watch.Watcher).SendSystemMessage(
                new DeathWatchNotification(Self, ExistenceConfirmed: true, AddressTerminated: false));
        }
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        if (_behaviors.Count > 0)
        {
            _behaviors.RemoveAt(_behaviors.Count - 1);
        }

        _behaviors.Add(receive);
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviors.Add(receive);
    }

    public void UnbecomeStacked()
    {
        // The initial behaviour always stays.
        if (_behaviors.Count > 1)
        {
            _behaviors.RemoveAt(_behaviors.Count - 1);
        }
    }

    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(System, this, path);

    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }

        // Put back in front of the pending prepended ones, preserving their order.
        var rest = _prepended.ToArray();
        _prepended.Clear();
        foreach (var envelope in envelopes)
        {
            _prepended.Enqueue(envelope);
        }

        foreach (var envelope in rest)
        {
            _prepended.Enqueue(envelope);
        }
    }

    public bool TryTakePrepended(out Envelope envelope) => _prepended.TryDequeue(out envelope);

    private void CreateInstance(Exception? cause)
    {
        try
        {
            _behaviors.Clear();
            var actor = Props.NewActor();
            if (actor.Cell != this)
            {
                throw new ActorInitializationException($"The props of {Self.Path} returned an actor bound to another cell; a factory must create a new instance each call.");
            }

            _actor = actor;
            _behaviors.Add(actor.Receive);
            if (actor is IWithUnboundedStash withStash)
            {
                withStash.Stash = _stash ??= new ActorStash(this);
            }

            if (cause is null)
            {
                actor.AroundPreStart();
            }
            else
            {
                actor.AroundPostRestart(cause);
            }
        }
        catch (Exception e) when (e is not ActorInitializationException)
        {
            throw new ActorInitializationException($"{Self.Path}: the actor could not be {(cause is null ? "created" : "restarted")}: {e.Message}", e);
        }
    }
}
