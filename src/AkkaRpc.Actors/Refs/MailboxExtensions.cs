namespace AkkaRpc.Actors;

/// <summary>Observing a local actor's mailbox, for diagnostics such as a node's status.</summary>
public static class MailboxExtensions
{
    /// <summary>
    /// The user messages queued for <paramref name="actor"/> and not yet taken for processing (Akka.NET's
    /// <c>NumberOfMessages</c>): a snapshot, approximate while others send to it; 0 once it has stopped. The message
    /// being processed and messages an actor stashed are not counted.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is not an actor of this process (a remote or temporary reference has no mailbox here).</exception>
    public static int NumberOfMessages(this IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is LocalActorRef local
            ? local.Cell.Mailbox.Count
            : throw new ArgumentException($"{actor.Path} is not a local actor, so it has no mailbox in this process to count.", nameof(actor));
    }
}
