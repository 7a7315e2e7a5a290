using Akka.Actor;

namespace AkkaRpc.Services;

/// <summary>Answers <see cref="ResolveService"/>: the service's actor.</summary>
public sealed record ServiceResolved(IActorRef Service) : ServiceReply;
