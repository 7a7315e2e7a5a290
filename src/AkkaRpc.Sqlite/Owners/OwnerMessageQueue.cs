using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace AkkaRpc.Sqlite;

/// <summary>
/// An owner's queue. Only <see cref="DatabaseRequest"/>s are bounded: timers, <see cref="Terminated"/> and the
/// supervisor's messages always get in, so a full owner still expires leases and stops when told.
/// </summary>
/// <remarks>
/// The bound counts the requests in this queue. Requests the owner has stashed behind a transaction or a reopen have
/// left it; the owner bounds its stash by the same capacity, so a transaction's holder is never refused because others
/// are waiting for it. It is a deque because Akka's stash puts unstashed messages back at the front; those count
/// again, unbounded, as they were accepted once already. The same holds for the node's memory budget for queued
/// requests (<see cref="QueuedBytesBudget"/>), shared by every owner's queue, which the supervisor attaches.
/// </remarks>
internal sealed class OwnerMessageQueue(IActorRef owner) : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    private readonly IActorRef _owner = owner;
    private readonly ConcurrentQueue<Envelope> _queue = new();

    // Touched only by the owner's own thread (Akka's stash unstashes from there).
    private readonly Stack<Envelope> _front = new();
    private int _requests;

    // Unbounded until the owner binds it: Akka creates the queue before the actor, which knows its capacity.
    private int _capacity = int.MaxValue;
    private Overloaded? _refusal;
    private QueuedBytesBudget? _budget;

    // When a request last arrived (Stopwatch ticks), for closing the least recently used database first.
    private long _lastUsed = System.Diagnostics.Stopwatch.GetTimestamp();

    // When the owner took the request it is (probably) running: it has not asked for the next message since. 0 if none.
    private long _runningSince;

    /// <inheritdoc />
    public bool HasMessages => !_queue.IsEmpty || _front.Count > 0;

    /// <inheritdoc />
    public int Count => _queue.Count + _front.Count;

    /// <summary>The requests queued, the figure the bound applies to.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>When a request last arrived, in <see cref="System.Diagnostics.Stopwatch"/> ticks (or the queue was created or <see cref="Touch"/>ed).</summary>
    public long LastUsed => Interlocked.Read(ref _lastUsed);

    /// <summary>
    /// Since when (Stopwatch ticks) the owner is handling a request, as far as the queue can tell: it took one and has
    /// not asked for the next message since; 0 when not. A hint only: Akka does not ask again after the last message of
    /// a full throughput batch, so it may stay set while the owner is idle. The supervisor asks the owner itself.
    /// </summary>
    public long RunningSince => Interlocked.Read(ref _runningSince);

    /// <summary>The queue of the actor whose context this is.</summary>
    /// <exception cref="ActorInitializationException">The actor was given another mailbox.</exception>
    public static OwnerMessageQueue Of(IActorContext context) =>
        ((ActorCell)context).Mailbox?.MessageQueue as OwnerMessageQueue
        ?? throw new ActorInitializationException(
            context.Self, $"A database owner needs the mailbox {DatabasesSupervisor.OwnerMailboxId}; a deployment gave it another.");

    /// <summary>Sets the bound; from now on a request beyond <paramref name="capacity"/> is answered <see cref="Overloaded"/>.</summary>
    public void Bind(string name, int capacity)
    {
        // One reply for every refusal: records are immutable, and a refused request then allocates nothing.
        _refusal = new Overloaded(name, capacity);
        Volatile.Write(ref _capacity, capacity);
    }

    /// <summary>Counts every request queued from now on against <paramref name="budget"/>; attach it before anyone knows the owner.</summary>
    public void Attach(QueuedBytesBudget budget) => _budget = budget;

    /// <summary>Counts as a use of the database (it was resolved), for closing the least recently used first.</summary>
    public void Touch() => Interlocked.Exchange(ref _lastUsed, System.Diagnostics.Stopwatch.GetTimestamp());

    /// <inheritdoc />
    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        if (envelope.Message is DatabaseRequest request)
        {
            if (Interlocked.Increment(ref _requests) > Volatile.Read(ref _capacity))
            {
                Interlocked.Decrement(ref _requests);
                envelope.Sender?.Tell(_refusal, _owner);
                return;
            }

            if (_budget is { } budget && budget.TryTake(RequestMemory.Estimate(request)) is var over and > 0)
            {
                Interlocked.Decrement(ref _requests);
                envelope.Sender?.Tell(new LimitExceeded(LimitKind.QueuedBytes, budget.Limit, over), _owner);
                return;
            }

            Touch();
        }

        _queue.Enqueue(envelope);
    }

    /// <inheritdoc />
    public void EnqueueFirst(Envelope envelope)
    {
        if (envelope.Message is DatabaseRequest request)
        {
            Interlocked.Increment(ref _requests);
            _budget?.Take(RequestMemory.Estimate(request));
        }

        _front.Push(envelope);
    }

    /// <inheritdoc />
    public bool TryDequeue(out Envelope envelope)
    {
        if (!_front.TryPop(out envelope) && !_queue.TryDequeue(out envelope))
        {
            Interlocked.Exchange(ref _runningSince, 0);
            return false;
        }

        if (envelope.Message is DatabaseRequest request)
        {
            Interlocked.Decrement(ref _requests);
            _budget?.Release(RequestMemory.Estimate(request));
            Interlocked.Exchange(ref _runningSince, System.Diagnostics.Stopwatch.GetTimestamp());
        }
        else
        {
            Interlocked.Exchange(ref _runningSince, 0);
        }

        return true;
    }

    /// <inheritdoc />
    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        // As every Akka mailbox does: what a stopped owner never took goes to dead letters, unrun.
        while (TryDequeue(out var envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }
}
