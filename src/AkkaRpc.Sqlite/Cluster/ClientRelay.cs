using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace AkkaRpc.Sqlite;

/// <summary>
/// What one client sees as the owner of one database when it talks to a cluster member: the member answers its
/// <see cref="Resolve"/> with this actor, which finds the owner through the shard region (wherever Cluster.Sharding put
/// it), sends each request there through a <see cref="RelayedRequest"/> and relays the reply, because the owner's member
/// cannot reach the client directly (clients listen nowhere). A <see cref="LocateOwner"/> is answered with the owner
/// itself once found on another member: a client that can dial that member asks it in turn, and keeps this relay as its
/// way in when it cannot. When the owner runs on this member, the relay is the client's gate to it: it forwards each
/// request as the client's own (the owner replies over the client's connection to this member, no extra hop), but only
/// while this member sees a majority of the cluster (<see cref="MemberHealth"/>) and has not just come out of a pause
/// the others may have downed it in (<see cref="PauseFence"/>); otherwise it answers
/// <see cref="OwnerStopped"/> (nothing ran), so that a member being downed, or thawed after it was, runs nothing.
/// </summary>
/// <remarks>
/// <para>
/// It stands in for its client towards the owner: a <see cref="Begin"/> names this relay as the transaction's holder, and
/// the relay stops when the client's own holder (its session actor) or its connection to this member goes, so the owner
/// rolls the transaction back as it does for a client of its own member.
/// </para>
/// <para>
/// When the owner's member is lost (downed, or gone), requests in flight are answered <see cref="OwnerLost"/> (their
/// outcome is unknown); the next request resolves the owner again, which the cluster has restarted on a
/// survivor. Transactions and cursors opened on the lost owner are gone with it: their later use is answered
/// <see cref="TransactionNotFound"/> or <see cref="CursorNotFound"/> (the new owner never knew them), never run on the
/// new owner as if nothing had happened.
/// </para>
/// </remarks>
internal sealed class ClientRelay : ReceiveActor, IWithUnboundedStash, IWithTimers
{
    private const string RetryTimer = "retry";
    private const string DeadlineTimer = "deadline";

    // Ids of transactions and cursors lost with an owner, kept to answer their later use clearly; a client that never
    // comes back for them should not grow this without bound.
    private const int MaxLostIds = 4096;

    private readonly string _name;
    private readonly Address _client;
    private readonly IActorRef _region;
    private readonly ShardedDatabasesOptions _options;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    // Who waits for the owner, and whether for the owner itself (LocateOwner) rather than this relay (Resolve).
    private readonly List<(IActorRef Sender, bool Direct)> _resolving = [];
    private readonly HashSet<IActorRef> _holders = [];
    private readonly HashSet<long> _transactions = [];
    private readonly HashSet<long> _cursors = [];
    private readonly HashSet<long> _lostTransactions = [];
    private readonly HashSet<long> _lostCursors = [];
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly PauseFence _fence;
    private IActorRef? _owner;
    private bool _refusing;

    // The owner's member is unreachable or downed: new requests wait (they have certainly not run) until it is back,
    // or the owner is gone and resolved anew, instead of going where they may be lost with an unknown outcome.
    private bool _ownerSuspect;

    public ClientRelay(string name, Address client, IActorRef region, ShardedDatabasesOptions options, PauseFence fence)
    {
        _name = name;
        _fence = fence;
        _client = client;
        _region = region;
        _options = options;
        Receive<Resolve>(_ => OnResolve(Sender, direct: false));
        Receive<LocateOwner>(_ => OnResolve(Sender, direct: true));
        Receive<DatabaseRequest>(OnRequest);
        Receive<Resolved>(OnOwnerFound);
        Receive<DatabaseReply>(OnResolveRefused);
        Receive<Retry>(_ => _region.Tell(new Resolve(_name)));
        Receive<Deadline>(_ => Refuse(new DatabaseUnavailable(
            _name, $"no cluster member served its owner within {_options.ResolveTimeout.TotalSeconds:0.#} s (resolve-timeout); the cluster may be changing members, and nothing ran")));
        Receive<Observed>(OnObserved);
        Receive<ClusterEvent.UnreachableMember>(e => Suspect(e.Member.Address, suspect: true));
        Receive<ClusterEvent.MemberDowned>(e => Suspect(e.Member.Address, suspect: true));
        Receive<ClusterEvent.MemberRemoved>(e => Suspect(e.Member.Address, suspect: true));
        Receive<ClusterEvent.ReachableMember>(e => Suspect(e.Member.Address, suspect: false));
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<Terminated>(OnTerminated);
        Receive<DatabasesSupervisor.PeerGone>(gone =>
        {
            if (gone.Address.Equals(_client))
            {
                Context.Stop(Self);
            }
        });
    }

    /// <inheritdoc />
    protected override void PreStart() =>
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(
            Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.ReachableMember), typeof(ClusterEvent.MemberDowned), typeof(ClusterEvent.MemberRemoved));

    /// <inheritdoc />
    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string name, Address client, IActorRef region, ShardedDatabasesOptions options, PauseFence fence) =>
        Akka.Actor.Props.Create(() => new ClientRelay(name, client, region, options, fence));

    /// <summary>A reply its relay keeps track of: a transaction or a cursor began or ended on the current owner.</summary>
    internal sealed record Observed(DatabaseRequest Request, DatabaseReply Reply);

    /// <summary>Told to the requests in flight when the owner's member is lost.</summary>
    internal sealed record OwnerLost(Address Member);

    private sealed record Retry
    {
        public static Retry Instance { get; } = new();
    }

    private sealed record Deadline
    {
        public static Deadline Instance { get; } = new();
    }

    /// <summary>Whether a reply to <paramref name="request"/> opens or closes a transaction or cursor the relay must know of.</summary>
    internal static bool Tracks(DatabaseRequest request, DatabaseReply reply) =>
        reply is TransactionStarted or TransactionEnded or QueryResult { CursorId: not null } or TransactionLeaseExpired
        || request is Fetch or CloseCursor or Commit or Rollback;

    private void OnResolve(IActorRef sender, bool direct)
    {
        // The owner itself only while its member is not suspect: a client sent there now could lose its requests with an
        // unknown outcome; it waits for the verdict instead, as requests through the relay do.
        if (_owner is { } owner && !(direct && _ownerSuspect))
        {
            sender.Tell(Answer(owner, direct));
            return;
        }

        _resolving.Add((sender, direct));
        StartResolving();
    }

    /// <summary>Answers everything waiting for the owner, now known and not suspect.</summary>
    private void AnswerResolving(IActorRef owner)
    {
        foreach (var (waiting, direct) in _resolving)
        {
            waiting.Tell(Answer(owner, direct));
        }

        _resolving.Clear();
    }

    /// <summary>The owner itself for a <see cref="LocateOwner"/> when it runs on another member; else this relay.</summary>
    private Resolved Answer(IActorRef owner, bool direct) => new(_name, direct && !IsLocal(owner) ? owner : Self);

    private static bool IsLocal(IActorRef actor) => !actor.Path.Address.HasGlobalScope;

    private void OnRequest(DatabaseRequest request)
    {
        if (LostWithOwner(request) is { } gone)
        {
            Sender.Tell(gone);
            return;
        }

        if (!MemberHealth.Serving(_cluster, _fence))
        {
            // Neither to an owner here nor through to one elsewhere: a member that may have been downed serves nothing.
            if (!_refusing)
            {
                _refusing = true;
                _log.Warning("This member was paused past the failure detector, or does not see a majority of the cluster, or is leaving it as downed: requests for {0} are refused unrun until that is over", _name);
            }

            Sender.Tell(new OwnerStopped(_name));
            return;
        }

        _refusing = false;

        if (_owner is not { } owner || _ownerSuspect)
        {
            // Waits for the owner's new home (or its member's return); answered with the refusal if neither comes in
            // time (then nothing ran).
            Stash.Stash();
            StartResolving();
            return;
        }

        if (IsLocal(owner))
        {
            // The client reached this member itself, so the owner can reply to it (and watch its transaction's holder)
            // directly: the request goes as the client's own.
            owner.Forward(request);
            return;
        }

        if (request is Begin { Holder: var holder } begin)
        {
            // The owner watches the relay instead: it can reach this member, not the client.
            if (holder is not null && _holders.Add(holder))
            {
                Context.Watch(holder);
            }

            request = begin with { Holder = Self };
        }

        Context.ActorOf(RelayedRequest.Props(owner, request, Sender, _name));
    }

    private void StartResolving()
    {
        if (Timers.IsTimerActive(DeadlineTimer))
        {
            return;
        }

        Timers.StartSingleTimer(DeadlineTimer, Deadline.Instance, _options.ResolveTimeout);
        if (_owner is null)
        {
            // While the owner is only suspect, the region would answer with the same owner: wait for the verdict.
            _region.Tell(new Resolve(_name));
            Timers.StartPeriodicTimer(RetryTimer, Retry.Instance, _options.ResolveRetry);
        }
    }

    private void Suspect(Address member, bool suspect)
    {
        if (_owner is not { } owner || !owner.Path.Address.Equals(member) || _ownerSuspect == suspect)
        {
            return;
        }

        _ownerSuspect = suspect;
        if (!suspect)
        {
            // Reachable again before anyone downed it: the waiting requests go to it after all.
            Timers.Cancel(DeadlineTimer);
            AnswerResolving(owner);
            Stash.UnstashAll();
        }
    }

    private void OnOwnerFound(Resolved found)
    {
        if (_owner is not null || !Timers.IsTimerActive(DeadlineTimer))
        {
            // A retry's late answer.
            return;
        }

        Timers.Cancel(RetryTimer);
        Timers.Cancel(DeadlineTimer);
        _ownerSuspect = false;
        _owner = Context.Watch(found.Owner);
        AnswerResolving(found.Owner);
        Stash.UnstashAll();
    }

    private void OnResolveRefused(DatabaseReply refusal)
    {
        if ((_owner is not null && !_ownerSuspect) || !Timers.IsTimerActive(DeadlineTimer))
        {
            return;
        }

        if (refusal is OwnerStopped)
        {
            // The entity was handing its shard over: the next retry finds the new home.
            return;
        }

        Refuse(refusal);
    }

    /// <summary>Answers everything waiting for the owner with <paramref name="refusal"/>: none of it ran.</summary>
    private void Refuse(DatabaseReply refusal)
    {
        Timers.Cancel(RetryTimer);
        Timers.Cancel(DeadlineTimer);
        foreach (var (waiting, _) in _resolving)
        {
            waiting.Tell(refusal);
        }

        _resolving.Clear();
        foreach (var envelope in Stash.ClearStash())
        {
            envelope.Sender.Tell(refusal);
        }
    }

    private void OnObserved(Observed observed)
    {
        switch (observed.Reply)
        {
            case TransactionStarted started:
                _transactions.Add(started.TransactionId);
                break;
            case TransactionEnded ended:
                _transactions.Remove(ended.TransactionId);
                break;
            case TransactionLeaseExpired expired:
                _transactions.Remove(expired.TransactionId);
                break;
            case QueryResult { CursorId: { } cursor }:
                _cursors.Add(cursor);
                break;
        }

        switch (observed.Request)
        {
            case Fetch fetch when observed.Reply is not QueryResult { CursorId: not null }:
                _cursors.Remove(fetch.CursorId);
                break;
            case CloseCursor close:
                _cursors.Remove(close.CursorId);
                break;
            case Commit commit:
                _transactions.Remove(commit.TransactionId);
                break;
            case Rollback rollback:
                _transactions.Remove(rollback.TransactionId);
                break;
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        var actor = terminated.ActorRef;
        if (_holders.Contains(actor))
        {
            // The client's holder is gone: so are its transactions. The owner, watching this relay, rolls them back.
            Context.Stop(Self);
            return;
        }

        if (!actor.Equals(_owner))
        {
            return;
        }

        _owner = null;
        _ownerSuspect = false;
        if (Stash.Count > 0 || _resolving.Count > 0)
        {
            // Requests wait for the owner's new home: look for it now.
            Timers.Cancel(DeadlineTimer);
            StartResolving();
        }

        if (!terminated.AddressTerminated)
        {
            // Closed in an orderly way (idle, handed over, given up): every request it took was answered, and those it
            // did not take are answered OwnerStopped by its member. Its transactions and cursors ended with it too.
            Forget(lost: false);
            return;
        }

        _log.Warning("The owner of {0} on {1} was lost with its member; its in-flight requests' outcome is unknown, and the next request resolves it again", _name, actor.Path.Address);
        foreach (var request in Context.GetChildren())
        {
            request.Tell(new OwnerLost(actor.Path.Address));
        }

        Forget(lost: true);
    }

    private void Forget(bool lost)
    {
        if (_lostTransactions.Count + _transactions.Count > MaxLostIds)
        {
            _lostTransactions.Clear();
        }

        if (_lostCursors.Count + _cursors.Count > MaxLostIds)
        {
            _lostCursors.Clear();
        }

        if (lost)
        {
            _lostTransactions.UnionWith(_transactions);
            _lostCursors.UnionWith(_cursors);
        }

        _transactions.Clear();
        _cursors.Clear();
    }

    /// <summary>The answer for a request on a transaction or cursor that was lost with its owner's member, or null.</summary>
    private DatabaseError? LostWithOwner(DatabaseRequest request) => request switch
    {
        Transactional t when _lostTransactions.Contains(t.TransactionId) => new TransactionNotFound(t.TransactionId),
        Commit c when _lostTransactions.Remove(c.TransactionId) => new TransactionNotFound(c.TransactionId),
        Rollback r when _lostTransactions.Remove(r.TransactionId) => new TransactionNotFound(r.TransactionId),
        Fetch f when _lostCursors.Remove(f.CursorId) => new CursorNotFound(f.CursorId),
        CloseCursor c when _lostCursors.Remove(c.CursorId) => new CursorNotFound(c.CursorId),
        _ => null,
    };
}
