using Akka.Actor;

namespace AkkaRpc.Services;

/// <summary>One-way: the caller gave up on call <paramref name="CallId"/>; a queued call is dropped, a running one sees its token fire.</summary>
public sealed record CancelCall(IActorRef Caller, long CallId);
