using System.Collections.Concurrent;

namespace AkkaRpc.Actors;

/// <summary>
/// An actor's queues and its scheduling state. At most one thread runs a mailbox at a time: a run processes all
/// system messages, then up to <c>throughput</c> user messages (system messages still first), then gives the
/// thread back so one busy actor cannot starve the others.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly ConcurrentQueue<Envelope> _user = new();
    private readonly ConcurrentQueue<SystemMessage> _system = new();
    private readonly int _capacity;
    private readonly int _throughput;
    private ActorCell _cell = null!;
    private int _status;
    private int _userCount;
    private volatile bool _closed;

    // Only the thread running the mailbox touches these.
    private int _suspendCount;

    public Mailbox(int capacity, int throughput)
    {
        _capacity = capacity;
        _throughput = throughput;
    }

    public bool IsClosed => _closed;

    /// <summary>User messages waiting (approximate under concurrency).</summary>
    public int Count => _user.Count;

    public int Capacity => _capacity;

    public void SetCell(ActorCell cell) => _cell = cell;

    /// <summary>Queues a user message; false if the mailbox is bounded and full.</summary>
    public bool TryEnqueue(in Envelope envelope, bool ignoreCapacity = false)
    {
        if (_capacity > 0)
        {
            if (Interlocked.Increment(ref _userCount) > _capacity && !ignoreCapacity)
            {
                Interlocked.Decrement(ref _userCount);
                return false;
            }
        }

        _user.Enqueue(envelope);
        if (_closed)
        {
            // Raced with termination: whoever dequeues a message of a closed mailbox hands it to dead letters.
            DrainUserToDeadLetters();
            return true;
        }

        Schedule();
        return true;
    }

    public void EnqueueSystem(SystemMessage message)
    {
        _system.Enqueue(message);
        if (_closed)
        {
            DrainSystemAfterClose();
            return;
        }

        Schedule();
    }

    public void Suspend() => _suspendCount++;

    public void Resume()
    {
        if (_suspendCount > 0)
        {
            _suspendCount--;
        }
    }

    /// <summary>Closes the mailbox for good: queued and later messages go to dead letters.</summary>
    public void Close()
    {
        _closed = true;
        DrainUserToDeadLetters();
        DrainSystemAfterClose();
    }

    private void Schedule()
    {
        // Test before test-and-set: a CAS on a mailbox that is already scheduled (the common case under load) would
        // still take its cache line from the thread running it, on every message. The fence (on this thread's own
        // stack, so it contends with nobody) keeps the enqueue visible before the status read, which the running
        // thread's full-fence Exchange to Idle pairs with: either we see Idle, or it sees our message.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _status) != Idle)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            // From inside an actor, queue on this worker's local queue: the receiver then usually runs on the same
            // thread right after the sender's run, with no cross-CPU wake-up; idle workers still steal it.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: ActorCell.Current is not null);
        }
    }

    void IThreadPoolWorkItem.Execute() => Run();

    private void Run()
    {
        var previous = ActorCell.Current;
        ActorCell.Current = _cell;
        try
        {
            if (!_closed)
            {
                ProcessSystem();
                ProcessUser();
            }
        }
        finally
        {
            ActorCell.Current = previous;

            // A full fence, not just a release: a producer that enqueued after our last check saw Scheduled and did
            // not schedule us, so we must see its message below. A plain store could be reordered after that load.
            Interlocked.Exchange(ref _status, Idle);
            if (HasWork())
            {
                Schedule();
            }
        }
    }

    private bool HasWork() =>
        !_closed && (!_system.IsEmpty || (_suspendCount == 0 && (!_user.IsEmpty || _cell.HasPrepended)));

    private void ProcessSystem()
    {
        while (!_closed && _system.TryDequeue(out var message))
        {
            _cell.SystemInvoke(message);
        }
    }

    private void ProcessUser()
    {
        for (var left = _throughput; left > 0 && !_closed; left--)
        {
            if (!_system.IsEmpty)
            {
                ProcessSystem();
            }

            if (_suspendCount > 0 || _closed)
            {
                return;
            }

            if (!_cell.TryTakePrepended(out var envelope))
            {
                if (!_user.TryDequeue(out envelope))
                {
                    return;
                }

                if (_capacity > 0)
                {
                    Interlocked.Decrement(ref _userCount);
                }
            }

            _cell.Invoke(envelope);
        }
    }

    private void DrainUserToDeadLetters()
    {
        while (_user.TryDequeue(out var envelope))
        {
            if (_capacity > 0)
            {
                Interlocked.Decrement(ref _userCount);
            }

            _cell.System.DeadLetters.Tell(new DeadLetter(envelope.Message, envelope.Sender, _cell.Self), envelope.Sender);
        }
    }

    private void DrainSystemAfterClose()
    {
        while (_system.TryDequeue(out var message))
        {
            _cell.SystemInvokeAfterTermination(message);
        }
    }
}
