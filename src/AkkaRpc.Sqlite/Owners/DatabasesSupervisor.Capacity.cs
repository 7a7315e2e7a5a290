using System.Diagnostics;
using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Sqlite;

public sealed partial class DatabasesSupervisor
{
    private const string ProbeTimer = "close-if-idle";

    // How long an owner may take to answer CloseIfIdle before it counts as in use: it answers between requests, and it
    // is asked only when its queue says it is between requests (or has said otherwise for this long already).
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    // Resolves of databases not open yet, waiting for an open one to close; in arrival order.
    private readonly Queue<(Resolve Request, IActorRef Sender)> _waitingForRoom = new();

    // Owners asked CloseIfIdle since the last one closed, which answered that they are in use.
    private readonly HashSet<IActorRef> _inUse = [];

    // The owner asked CloseIfIdle and not answered yet; null when none is.
    private IActorRef? _probed;

    /// <summary>Sent by the supervisor to the least recently used owner when the node has its most databases open: stop now if idle (no transaction, no cursor, nothing queued).</summary>
    internal sealed record CloseIfIdle
    {
        public static CloseIfIdle Instance { get; } = new();
    }

    /// <summary>The answer to <see cref="CloseIfIdle"/> of an owner that stays open because something still depends on it (an idle one just stops).</summary>
    internal sealed record InUse
    {
        public static InUse Instance { get; } = new();
    }

    private sealed record ProbeTimedOut(IActorRef Owner);

    /// <summary>Whether opening one more database would go over <see cref="DatabasesOptions.MaxOpenDatabases"/>.</summary>
    /// <remarks>Owners closing still hold their files until they stop, so they count.</remarks>
    private bool Full => _owners.Count >= _options.MaxOpenDatabases;

    /// <summary>Holds <paramref name="resolve"/> until an idle database closes to make room, or refuses it when none is idle.</summary>
    private void WaitForRoom(Resolve resolve, IActorRef sender)
    {
        _waitingForRoom.Enqueue((resolve, sender));
        if (_probed is null)
        {
            ProbeNext();
        }
    }

    /// <summary>Asks the least recently used owner that looks idle to close; refuses the waiting resolves if none does.</summary>
    private void ProbeNext()
    {
        OwnerState? candidate = null;
        long oldest = long.MaxValue;
        foreach (var owner in _owners.Values)
        {
            // Not one that seems to run a request just now: it would answer only once the request ends. One that seemed
            // to for longer than a probe's timeout is asked anyway, as the hint may be stale.
            if (owner.Retiring || owner.Reopening || owner.Probed || _inUse.Contains(owner.Actor)
                || QueueOf(owner) is not { Requests: 0 } queue || queue.LastUsed >= oldest
                || (queue.RunningSince != 0 && Stopwatch.GetElapsedTime(queue.RunningSince) < ProbeTimeout))
            {
                continue;
            }

            (candidate, oldest) = (owner, queue.LastUsed);
        }

        if (candidate is not null)
        {
            candidate.Probed = true;
            _probed = candidate.Actor;
            candidate.Actor.Tell(CloseIfIdle.Instance);
            Timers.StartSingleTimer(ProbeTimer, new ProbeTimedOut(candidate.Actor), ProbeTimeout);
            return;
        }

        if (_owners.Values.Any(static o => o.Retiring || o.Probed))
        {
            // One is closing already (idle, or given up): its slot frees when it stops.
            return;
        }

        _log.Warning(
            "{0} databases are open, the most allowed (max-open-databases), and all are in use; refusing {1} to open another",
            _owners.Count, _waitingForRoom.Count);
        var refusal = new LimitExceeded(LimitKind.OpenDatabases, _options.MaxOpenDatabases, _owners.Count);
        while (_waitingForRoom.TryDequeue(out var waiting))
        {
            waiting.Sender.Tell(refusal);
        }

        _inUse.Clear();
    }

    private void OnInUse(IActorRef owner)
    {
        if (StateOf(owner) is { } state)
        {
            state.Probed = false;
        }

        _inUse.Add(owner);
        if (owner.Equals(_probed))
        {
            Timers.Cancel(ProbeTimer);
            _probed = null;
            if (_waitingForRoom.Count > 0)
            {
                ProbeNext();
            }
        }
    }

    private void OnProbeTimedOut(ProbeTimedOut timedOut)
    {
        if (timedOut.Owner.Equals(_probed))
        {
            OnInUse(timedOut.Owner);
        }
    }

    /// <summary>A database closed: what waited for room may open now, and every owner is worth asking again.</summary>
    private void RoomFreed(IActorRef closed)
    {
        _inUse.Clear();
        if (closed.Equals(_probed))
        {
            Timers.Cancel(ProbeTimer);
            _probed = null;
        }

        // In arrival order, ahead of resolves that arrive from now on; each finds room or waits again.
        var waiting = _waitingForRoom.Count;
        for (var i = 0; i < waiting && !Full; i++)
        {
            var (resolve, sender) = _waitingForRoom.Dequeue();
            OnResolve(resolve, sender);
        }

        if (_waitingForRoom.Count > 0 && _probed is null)
        {
            ProbeNext();
        }
    }

    private void RefuseWaitingForRoom(Func<Resolve, DatabaseReply> reply)
    {
        while (_waitingForRoom.TryDequeue(out var waiting))
        {
            waiting.Sender.Tell(reply(waiting.Request));
        }
    }

    private static OwnerMessageQueue? QueueOf(OwnerState owner) =>
        // Owners are this actor's children: local actors, whose cell holds their own queue.
        owner.Actor is ActorRefWithCell { Underlying: ActorCell { Mailbox.MessageQueue: OwnerMessageQueue queue } } ? queue : null;
}
