using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Sqlite;

/// <summary>
/// <c>/user/databases</c>: validates database names, starts each database's owner on first use, restarts a failed
/// owner in place and lets it reopen the file after a growing delay, gives up after
/// <see cref="DatabasesOptions.MaxFailures"/> failures within <see cref="DatabasesOptions.FailureWindow"/> (then the
/// database is reported unavailable, with its last failure, until the window has passed), closes idle owners after
/// the requests already queued for them, keeps at most <see cref="DatabasesOptions.MaxOpenDatabases"/> open (closing
/// the least recently used idle one to open another), and drains everything on <see cref="Drain"/>.
/// </summary>
/// <remarks>
/// Owners live at <c>/user/databases/&lt;name&gt;</c>; clients find them with <see cref="Resolve"/> (answered
/// <see cref="Resolved"/>) or by that path. A request sent to an owner that has since closed (idle, drained or given
/// up) runs nothing: Akka delivers it to dead letters, where the supervisor answers it <see cref="OwnerStopped"/>, so
/// the sender learns at once that it should resolve the name again (which starts a fresh owner).
/// </remarks>
public sealed partial class DatabasesSupervisor : ReceiveActor, IWithTimers
{
    /// <summary>The supervisor's name under <c>/user</c>.</summary>
    public const string Name = "databases";

    private readonly DatabasesOptions _options;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, OwnerState> _owners = new(StringComparer.Ordinal);

    // Cancelled on Drain: every owner's engine watches it, so a statement running then stops instead of being awaited.
    private readonly CancellationTokenSource _stopping = new();

    // Shared by every owner's mailbox: the memory all queued requests may take together.
    private readonly QueuedBytesBudget _budget;

    /// <summary>Creates the supervisor; start it through <see cref="Props"/>, which validates the options first.</summary>
    public DatabasesSupervisor(DatabasesOptions options)
        : this(options, sharded: null)
    {
    }

    /// <summary>Creates the supervisor, of a cluster member when <paramref name="sharded"/> is set; start it through <see cref="ShardedProps"/>.</summary>
    public DatabasesSupervisor(DatabasesOptions options, ShardedDatabasesOptions? sharded)
    {
        _options = options;
        _sharded = sharded;
        _time = SchedulerTime.For(Context.System.Scheduler);
        _budget = new QueuedBytesBudget(options.MaxQueuedBytes);

        // The owners' dispatcher and mailbox are looked up by name; an application's own HOCON still wins.
        Context.System.Settings.InjectTopLevelFallback(DefaultConfig);
        Serving();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    /// <inheritdoc />
    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _stopping.Dispose();
    }

    /// <summary>Props for the supervisor; start it as <c>system.ActorOf(DatabasesSupervisor.Props(options), DatabasesSupervisor.Name)</c>.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static Props Props(DatabasesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Akka.Actor.Props.Create(() => new DatabasesSupervisor(options));
    }

    /// <summary>
    /// Asks for every database's state; answered by <see cref="StatusReport"/>. Local only: it reads the owners'
    /// mailbox depths, which only this process can see (the node admin puts the report into its own status).
    /// </summary>
    public sealed record GetStatus
    {
        /// <summary>The only instance.</summary>
        public static GetStatus Instance { get; } = new();
    }

    /// <summary>
    /// Tells the supervisor that the connection to the actor system at <paramref name="Address"/> closed (the hosting
    /// layer sends it from Akka.Remote's <c>DisassociatedEvent</c>): a transaction held from there is rolled back at
    /// once, as its client already counts it lost, instead of when death watch's failure detector gives up, and the
    /// cursors opened from there are closed, since nobody can read them any more and they count against the others.
    /// </summary>
    /// <param name="Address">The remote system's address.</param>
    public sealed record PeerGone(Address Address);

    /// <summary>The answer to <see cref="GetStatus"/>: every open, reopening, closing or unavailable database, by name.</summary>
    /// <param name="Databases">One entry per database, ordered by name.</param>
    public sealed record StatusReport(IReadOnlyList<DatabaseStatus> Databases);

    private void Serving()
    {
        if (Sharded)
        {
            ServingSharded();
        }
        else
        {
            Receive<Resolve>(r => OnResolve(r, Sender));

            // The owner is this node's own: both questions have the same answer.
            Receive<LocateOwner>(l => OnResolve(new Resolve(l.Name), Sender));
        }

        Receive<GetStatus>(_ => Sender.Tell(new StatusReport(Status())));
        Receive<PeerGone>(gone =>
        {
            foreach (var owner in Context.GetChildren())
            {
                owner.Tell(gone);
            }
        });
        Receive<Drain>(StartDraining);
        Receive<DatabaseOwner.Idle>(_ => Retire(Sender));
        Receive<DatabaseOwner.Failed>(OnOwnerFailed);
        Receive<DatabaseOwner.Opened>(_ => OnOwnerOpened(Sender));
        Receive<ReopenDue>(OnReopenDue);
        Receive<Terminated>(t => OnOwnerTerminated(t.ActorRef));
        Receive<DeadLetter>(AnswerDeadLetter);
        Receive<InUse>(_ => OnInUse(Sender));
        Receive<ProbeTimedOut>(OnProbeTimedOut);
    }

    private void OnResolve(Resolve resolve, IActorRef sender)
    {
        var name = resolve.Name;
        if (!DatabaseNames.IsValid(name, out var reason))
        {
            sender.Tell(new InvalidDatabaseName(name ?? "", reason!));
            return;
        }

        if (Unavailable(name) is { } down)
        {
            sender.Tell(down);
            return;
        }

        if (_owners.TryGetValue(name, out var owner))
        {
            if (owner.Retiring)
            {
                // Closing after idling: answer once it has stopped, so that a fresh owner can take the name.
                (owner.WaitingResolves ??= []).Add((resolve, sender));
            }
            else
            {
                // Also while it waits to reopen: requests wait in its stash meanwhile.
                QueueOf(owner)?.Touch();
                sender.Tell(new Resolved(name, owner.Actor));
            }

            return;
        }

        var database = _options.Database;
        if (!database.CreateIfMissing && !File.Exists(DatabaseNames.ResolvePath(database.DataDirectory, name)))
        {
            sender.Tell(new DatabaseNotFound(name));
            return;
        }

        if (Full)
        {
            WaitForRoom(resolve, sender);
            return;
        }

        var actor = Context.Watch(Context.ActorOf(DatabaseOwner.Props(name, _options, _stopping.Token), name));
        var state = new OwnerState(actor);
        _owners[name] = state;

        // The mailbox exists once ActorOf returns; nobody can send a request before the reference leaves this method.
        QueueOf(state)?.Attach(_budget);

        // Before anyone learns the reference, so it is the first message the owner takes.
        actor.Tell(DatabaseOwner.Open.Instance);
        sender.Tell(new Resolved(name, actor));
    }

    private void Retire(IActorRef actor)
    {
        if (StateOf(actor) is { Retiring: false } owner)
        {
            _log.Info("Database {0} idled past {1}; closing it", actor.Path.Name, _options.IdleTimeout);
            owner.Retiring = true;

            // Behind any request already queued for it: those are answered before it closes.
            actor.Tell(PoisonPill.Instance);
        }
    }

    private void OnOwnerTerminated(IActorRef actor)
    {
        if (RelayStopped(actor))
        {
            return;
        }

        var name = actor.Path.Name;
        if (!_owners.TryGetValue(name, out var owner) || !owner.Actor.Equals(actor))
        {
            return;
        }

        _owners.Remove(name);
        Timers.Cancel(owner.ReopenTimer);
        if (owner.Probed)
        {
            _log.Info("Closed database {0}, the least recently used idle one, to open another (max-open-databases = {1})", name, _options.MaxOpenDatabases);
        }
        else if (!owner.Retiring)
        {
            _log.Warning("The owner of database {0} stopped unexpectedly; the next Resolve starts a fresh one", name);
        }

        // Now the name is free: resolve again what waited for the old owner to stop.
        foreach (var (resolve, sender) in owner.WaitingResolves ?? [])
        {
            Self.Tell(resolve, sender);
        }

        RoomFreed(actor);
    }

    /// <summary>Answers a request that reached an owner after it stopped, from here or from another node.</summary>
    private void AnswerDeadLetter(DeadLetter dead)
    {
        // By path, not by reference: the request may name an owner this supervisor has long forgotten, and a remote
        // sender's path carries the node's address. The reply is dead-lettered in turn if its sender is gone too,
        // and that one is not a request to an owner, so it ends there.
        if (dead.Message is DatabaseRequest
            && dead.Recipient.Path.Elements is ["user", Name, var name]
            && !dead.Sender.IsNobody()
            && !dead.Sender.Equals(Context.System.DeadLetters))
        {
            dead.Sender.Tell(new OwnerStopped(name), dead.Recipient);
        }
    }

    private List<DatabaseStatus> Status()
    {
        var databases = new List<DatabaseStatus>(_owners.Count + _unavailable.Count);
        foreach (var name in _unavailable.Keys.ToList())
        {
            // Given up: reported so from the decision on, also while its owner is still stopping.
            if (Unavailable(name) is { } down)
            {
                databases.Add(new DatabaseStatus(name, DatabaseState.Unavailable, Depth(name), down.LastFailure));
            }
        }

        foreach (var (name, owner) in _owners)
        {
            if (_unavailable.ContainsKey(name))
            {
                continue;
            }

            var state = owner.Retiring || _drained is not null ? DatabaseState.Closing
                : owner.Reopening ? DatabaseState.Reopening
                : DatabaseState.Open;
            databases.Add(new DatabaseStatus(name, state, Depth(name), owner.LastFailure));
        }

        databases.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return databases;
    }

    /// <summary>The requests waiting in the mailbox of <paramref name="name"/>'s owner (not its timers or stop), read without disturbing it.</summary>
    private int Depth(string name) => _owners.TryGetValue(name, out var owner) && QueueOf(owner) is { } queue ? queue.Requests : 0;

    private OwnerState? StateOf(IActorRef actor) =>
        _owners.TryGetValue(actor.Path.Name, out var owner) && owner.Actor.Equals(actor) ? owner : null;

    /// <summary>What the supervisor knows of one live owner; only the supervisor reads or writes it.</summary>
    private sealed class OwnerState(IActorRef actor)
    {
        public IActorRef Actor { get; } = actor;

        /// <summary>Told to stop (idle, or given up after failures); no new requests are sent its way.</summary>
        public bool Retiring { get; set; }

        /// <summary>Failed and waiting out its backoff delay, or reopening.</summary>
        public bool Reopening { get; set; }

        public string? LastFailure { get; set; }

        /// <summary>When it failed, oldest first, pruned to the failure window.</summary>
        public Queue<long> Failures { get; } = new();

        public string ReopenTimer { get; } = "reopen:" + actor.Path.Name;

        public List<(Resolve Request, IActorRef Sender)>? WaitingResolves { get; set; }

        /// <summary>Asked to close if idle, to make room for another database; not answered yet.</summary>
        public bool Probed { get; set; }
    }
}
