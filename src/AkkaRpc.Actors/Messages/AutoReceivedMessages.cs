namespace AkkaRpc.Actors;

/// <summary>Messages every actor handles itself, before its own receive logic sees them.</summary>
public interface IAutoReceivedMessage;

/// <summary>Messages that do not reset an actor's receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Stops the actor once it is processed, after the messages queued before it.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The only instance.</summary>
    public static PoisonPill Instance { get; } = new();
}

/// <summary>Makes the actor fail with <see cref="ActorKilledException"/>; the default supervisor then stops it.</summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The only instance.</summary>
    public static Kill Instance { get; } = new();
}

/// <summary>Asks an actor for its reference; every actor answers with <see cref="ActorIdentity"/>.</summary>
/// <param name="MessageId">Echoed back in the answer, to match answers to questions.</param>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;

/// <summary>The answer to <see cref="Identify"/>; <paramref name="Subject"/> is null when no actor was found.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);

/// <summary>Tells a watcher that an actor it watches has stopped.</summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was never known to exist (e.g. Nobody or an unknown path).</param>
/// <param name="AddressTerminated">True when the actor's whole node is considered gone.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IAutoReceivedMessage;

/// <summary>
/// Sent to an actor that received no message for the time set with <see cref="IActorContext.SetReceiveTimeout"/>;
/// it fires again after each further quiet period until the timeout is turned off.
/// </summary>
public sealed class ReceiveTimeout : IAutoReceivedMessage
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The only instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();
}
