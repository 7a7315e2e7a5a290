using Akka.Actor;

namespace AkkaRpc.Services;

/// <summary>What every request to a service carries besides its arguments.</summary>
/// <param name="Caller">
/// The calling client (its long-lived session actor): calls are queued per caller for fairness, and an exclusive session
/// ends when its holder stops. Null means the sender of the message.
/// </param>
/// <param name="CallId">The caller's number for this call, which a <see cref="CancelCall"/> names.</param>
/// <param name="SessionId">The exclusive session the call runs in; 0 for none.</param>
/// <param name="TimeLimit">How long the caller waits; the service's cancellation token fires then. Zero means no limit.</param>
/// <param name="OneWay">Whether no reply is wanted (a notification).</param>
public readonly record struct CallHeader(IActorRef? Caller, long CallId, long SessionId, TimeSpan TimeLimit, bool OneWay);
