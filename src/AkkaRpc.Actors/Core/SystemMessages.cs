namespace AkkaRpc.Actors;

/// <summary>Kernel messages; a mailbox runs them before any user message.</summary>
internal abstract record SystemMessage;

internal sealed record Create : SystemMessage;

internal sealed record Terminate : SystemMessage;

internal sealed record Suspend : SystemMessage;

internal sealed record Resume(Exception? CausedByFailure) : SystemMessage;

internal sealed record Recreate(Exception Cause) : SystemMessage;

internal sealed record Failed(IActorRef Child, Exception Cause, long Uid) : SystemMessage;

internal sealed record Watch(IActorRef Watchee, IActorRef Watcher) : SystemMessage;

internal sealed record Unwatch(IActorRef Watchee, IActorRef Watcher) : SystemMessage;

internal sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed, bool AddressTerminated) : SystemMessage;

/// <summary>The task of a <c>ReceiveAsync</c> handler has finished; resume user messages.</summary>
internal sealed record AsyncHandlerCompleted(ActorBase Instance, Task Task) : SystemMessage;

/// <summary>A continuation of a <c>ReceiveAsync</c> handler, run in the actor's context.</summary>
internal sealed record RunContinuation(ActorBase Instance, SendOrPostCallback Callback, object? State, Envelope Envelope) : SystemMessage;
