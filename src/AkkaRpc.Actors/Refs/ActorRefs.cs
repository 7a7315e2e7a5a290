namespace AkkaRpc.Actors;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>A reference that answers nothing: messages to it become dead letters and watching it yields <see cref="Terminated"/> at once.</summary>
    public static IActorRef Nobody { get; } = NobodyActorRef.Instance;

    /// <summary>Use as the sender when there is no one to reply to.</summary>
    public static readonly IActorRef? NoSender;
}
