namespace AkkaRpc.Transport.Connections;

/// <summary>
/// The inbound connections in the handshake, oldest first, under a total cap, with a per-source share. When all
/// slots are taken, a newcomer takes the slot of the oldest connection of a source over its share (from another
/// source) or of the oldest connection that has sent nothing yet (a real client speaks at once); if there is none,
/// it waits for a slot in arrival order, instead of being refused at the rate a flood can reconnect. When
/// <c>maxWaiting</c> wait, the accept loop waits too, and later connections queue in the listen backlog.
/// </summary>
internal sealed class HandshakeSlots(int max, int perSource, int maxWaiting)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<HandshakeSlot> _slots = new();
    private readonly Dictionary<string, int> _bySource = new(StringComparer.Ordinal);
    private readonly Queue<Waiter> _waiting = new();
    private TaskCompletionSource _room = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets how many connections hold a slot now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>
    /// Gives <paramref name="slot"/> a slot, after those that wait already; the task ends with the connection whose
    /// slot it took (the caller drops it), or null when a slot was free, and is cancelled if the transport stops.
    /// </summary>
    public Task<(HandshakeSlot Slot, string Reason)?> AdmitAsync(HandshakeSlot slot)
    {
        List<(Waiter, (HandshakeSlot, string)?)> admitted;
        var waiter = new Waiter(slot);
        lock (_lock)
        {
            _waiting.Enqueue(waiter);
            admitted = PumpLocked();
        }

        Complete(admitted);
        return waiter.Admitted.Task;
    }

    /// <summary>Waits until fewer than the maximum wait for a slot; the accept loop takes no connection meanwhile.</summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _waiting.Count < maxWaiting ? Task.CompletedTask : _room.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Frees <paramref name="slot"/> (its handshake ended either way) for the first waiting; a second call does nothing.</summary>
    public void Release(HandshakeSlot slot)
    {
        List<(Waiter, (HandshakeSlot, string)?)> admitted;
        lock (_lock)
        {
            if (!RemoveLocked(slot))
            {
                return;
            }

            admitted = PumpLocked();
        }

        Complete(admitted);
    }

    /// <summary>Cancels every wait: the transport is stopping.</summary>
    public void CancelWaiting()
    {
        Waiter[] waiting;
        lock (_lock)
        {
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        foreach (Waiter waiter in waiting)
        {
            waiter.Admitted.TrySetCanceled();
        }
    }

    private static void Complete(List<(Waiter Waiter, (HandshakeSlot, string)? Evicted)> admitted)
    {
        // Outside the lock: completing runs the waiters' continuations, which start handshakes and drop peers.
        foreach ((Waiter waiter, (HandshakeSlot, string)? evicted) in admitted)
        {
            waiter.Admitted.TrySetResult(evicted);
        }
    }

    /// <summary>Admits waiters from the head of the queue while slots can be had, in arrival order.</summary>
    private List<(Waiter, (HandshakeSlot, string)?)> PumpLocked()
    {
        List<(Waiter, (HandshakeSlot, string)?)> admitted = [];
        while (_waiting.TryPeek(out Waiter? head) && TryAdmitLocked(head.Slot, out (HandshakeSlot, string)? evicted))
        {
            _waiting.Dequeue();
            admitted.Add((head, evicted));
        }

        if (_waiting.Count < maxWaiting)
        {
            _room.TrySetResult();
            _room = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return admitted;
    }

    private bool TryAdmitLocked(HandshakeSlot slot, out (HandshakeSlot, string)? evicted)
    {
        evicted = null;
        if (_slots.Count >= max)
        {
            int mine = _bySource.GetValueOrDefault(slot.Source);
            HandshakeSlot? victim;
            string reason;
            if (mine < perSource && MostOverShareLocked() is { } greedy)
            {
                victim = Oldest(s => s.Source == greedy);
                reason = $"its source {greedy} held more than its share of {perSource} handshake slots (max-handshaking-per-source) when {slot.Source} needed one";
            }
            else
            {
                // At its own share a source can only take the slot of one of its own silent connections.
                victim = Oldest(s => (mine < perSource || s.Source == slot.Source) && s.IsSilent);
                reason = $"it had sent nothing when its handshake slot was given to a newer connection from {slot.Source}";
            }

            if (victim is null)
            {
                return false;
            }

            RemoveLocked(victim);
            evicted = (victim, reason);
        }

        slot.Node = _slots.AddLast(slot);
        _bySource[slot.Source] = _bySource.GetValueOrDefault(slot.Source) + 1;
        return true;
    }

    private string? MostOverShareLocked()
    {
        string? greedy = null;
        int most = perSource;
        foreach ((string source, int count) in _bySource)
        {
            if (count > most)
            {
                (greedy, most) = (source, count);
            }
        }

        return greedy;
    }

    private HandshakeSlot? Oldest(Func<HandshakeSlot, bool> eligible)
    {
        for (LinkedListNode<HandshakeSlot>? node = _slots.First; node is not null; node = node.Next)
        {
            if (eligible(node.Value))
            {
                return node.Value;
            }
        }

        return null;
    }

    private bool RemoveLocked(HandshakeSlot slot)
    {
        if (slot.Node is not { } node)
        {
            return false;
        }

        _slots.Remove(node);
        slot.Node = null;
        int left = _bySource[slot.Source] - 1;
        if (left == 0)
        {
            _bySource.Remove(slot.Source);
        }
        else
        {
            _bySource[slot.Source] = left;
        }

        return true;
    }

    private sealed class Waiter(HandshakeSlot slot)
    {
        public HandshakeSlot Slot { get; } = slot;

        public TaskCompletionSource<(HandshakeSlot Slot, string Reason)?> Admitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
