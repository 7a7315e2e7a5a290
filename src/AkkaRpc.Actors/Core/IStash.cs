namespace AkkaRpc.Actors;

/// <summary>Sets messages aside to process them later, in their original order.</summary>
public interface IStash
{
    /// <summary>How many messages are stashed.</summary>
    int Count { get; }

    /// <summary>Stashes the message being processed.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages back at the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts the stashed messages that match <paramref name="predicate"/> back, oldest first; keeps the rest.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Removes and returns every stashed message without processing them.</summary>
    IReadOnlyList<Envelope> ClearStash();
}

/// <summary>
/// Implemented by actors that stash; the kernel sets <see cref="Stash"/> before the constructor's handlers run.
/// On restart the stash is put back into the mailbox; on stop its messages become dead letters.
/// </summary>
public interface IWithUnboundedStash
{
    /// <summary>The actor's stash, set by the kernel.</summary>
    IStash Stash { get; set; }
}
