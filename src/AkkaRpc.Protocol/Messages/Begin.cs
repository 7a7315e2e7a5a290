using Akka.Actor;

namespace AkkaRpc.Protocol;

/// <summary>Starts an interactive transaction that gives the sender exclusive use of the database; answered by <see cref="TransactionStarted"/>.</summary>
/// <param name="Lease">How long the transaction may stay idle before the owner rolls it back.</param>
/// <param name="Holder">
/// The actor whose death ends the transaction (rolled back at once, others let in), when the sender is an ask's
/// short-lived reference; null means the sender itself. A client passes one long-lived actor of its process.
/// </param>
public sealed record Begin(TimeSpan Lease, IActorRef? Holder = null) : DatabaseRequest;
