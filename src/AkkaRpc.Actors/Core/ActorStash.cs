namespace AkkaRpc.Actors;

/// <summary>An actor's stash; lives in the cell, so it survives restarts until it is put back.</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];
    private long _lastStashedInvocation = -1;

    public int Count => _stashed.Count;

    public void Stash()
    {
        var current = cell.CurrentEnvelope ?? throw new InvalidOperationException("There is no message being processed to stash.");

        // Compare invocations, not message references: the same object (a singleton, an interned string) sent twice is two
        // messages, and both must be stashable.
        if (_lastStashedInvocation == cell.InvocationCount)
        {
            throw new InvalidOperationException($"The message {current.Message.GetType().Name} is already stashed.");
        }

        _lastStashedInvocation = cell.InvocationCount;
        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Prepend([first]);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        // One pass, so the predicate runs once per message.
        var selected = new List<Envelope>();
        var kept = new List<Envelope>();
        foreach (var envelope in _stashed)
        {
            (predicate(envelope) ? selected : kept).Add(envelope);
        }

        _stashed.Clear();
        _stashed.AddRange(kept);
        cell.Prepend(selected);
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var all = _stashed.ToList();
        _stashed.Clear();
        return all;
    }
}
