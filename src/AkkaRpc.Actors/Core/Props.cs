namespace AkkaRpc.Actors;

/// <summary>
/// How to make an actor: a factory plus mailbox and supervision settings. Immutable; a restart
/// makes the new instance from the same props.
/// </summary>
public sealed class Props
{
    private Props(Func<ActorBase> factory, Type actorType)
    {
        Factory = factory;
        ActorType = actorType;
    }

    /// <summary>The actor type the factory makes (for logs).</summary>
    public Type ActorType { get; }

    /// <summary>The maximum number of queued user messages, or 0 for unbounded.</summary>
    public int MailboxCapacity { get; private init; }

    /// <summary>
    /// What the sender of a message that a full mailbox refused receives; by default
    /// a <see cref="Status.Failure"/> carrying <see cref="MailboxFullException"/>.
    /// </summary>
    public Func<object, IActorRef, object>? MailboxFullReply { get; private init; }

    /// <summary>Overrides the actor's own <c>SupervisorStrategy()</c> for its children.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; private init; }

    internal Func<ActorBase> Factory { get; }

    /// <summary>Props that make each instance with <paramref name="factory"/>; no reflection is involved.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory, typeof(TActor));
    }

    /// <summary>Props for an actor with a public parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(static () => new TActor(), typeof(TActor));

    /// <summary>
    /// A bounded mailbox: when <paramref name="capacity"/> user messages wait, further messages are refused,
    /// the sender is told (see <see cref="MailboxFullReply"/>) and the message is recorded as a dead letter.
    /// </summary>
    public Props WithMailbox(int capacity, Func<object, IActorRef, object>? fullReply = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        return new Props(Factory, ActorType)
        {
            MailboxCapacity = capacity,
            MailboxFullReply = fullReply ?? MailboxFullReply,
            SupervisorStrategy = SupervisorStrategy,
        };
    }

    /// <summary>Uses <paramref name="strategy"/> to supervise the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(Factory, ActorType)
        {
            MailboxCapacity = MailboxCapacity,
            MailboxFullReply = MailboxFullReply,
            SupervisorStrategy = strategy,
        };
    }

    internal ActorBase NewActor() => Factory();
}
