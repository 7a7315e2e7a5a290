namespace AkkaRpc.Actors;

/// <summary>A message that reached no actor; published on the event stream.</summary>
public abstract record AllDeadLetters(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>A message sent to an actor that is stopped or does not exist, or that its mailbox refused.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient)
    : AllDeadLetters(Message, Sender, Recipient);

/// <summary>A message the recipient's receive logic did not handle.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient)
    : AllDeadLetters(Message, Sender, Recipient);
