namespace AkkaRpc.Actors;

/// <summary>Posts the continuations of a <c>ReceiveAsync</c> handler back into the actor's mailbox.</summary>
internal sealed class ActorSynchronizationContext(ActorCell cell, ActorBase instance, Envelope envelope) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) =>
        cell.Self.SendSystemMessage(new RunContinuation(instance, d, state, envelope));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send into an actor's context would deadlock; use Post.");

    public override SynchronizationContext CreateCopy() => this;
}
