using Microsoft.Extensions.Logging;

namespace AkkaRpc.Actors;

/// <summary>A message handler: returns false when the message was not handled.</summary>
public delegate bool Receive(object message);

/// <summary>
/// What an actor can see and do about itself. Valid only while the actor is processing a message
/// (including the continuations of a <c>ReceiveAsync</c> handler).
/// </summary>
public interface IActorContext
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message; dead letters when it had none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent.</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was made from.</summary>
    Props Props { get; }

    /// <summary>The live children.</summary>
    IReadOnlyCollection<IActorRef> GetChildren();

    /// <summary>The child called <paramref name="name"/>, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Creates a child actor; <paramref name="name"/> must be unique among the children, or null for a generated one.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by absolute or relative path (<c>../sibling</c>, <c>child/*</c>).</summary>
    ActorSelection ActorSelection(string path);

    /// <summary>Stops <paramref name="actor"/> (a child or this actor) after its current message.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> when <paramref name="subject"/> stops, even if it already has.</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Stops watching; no <see cref="Terminated"/> for it is received afterwards.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed by <see cref="BecomeStacked"/>.</summary>
    void UnbecomeStacked();

    /// <summary>Sends <see cref="ReceiveTimeout"/> after this long without messages; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>The receive timeout in force, or null.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>A logger named after the actor's type.</summary>
    ILogger GetLogger();
}
