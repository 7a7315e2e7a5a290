namespace AkkaRpc.Actors;

/// <summary>A user message with its sender, as it sits in a mailbox.</summary>
public readonly record struct Envelope(object Message, IActorRef? Sender);
