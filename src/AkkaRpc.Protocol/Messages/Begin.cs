namespace AkkaRpc.Protocol;

/// <summary>Starts an interactive transaction that gives the sender exclusive use of the database; answered by <see cref="TransactionStarted"/>.</summary>
/// <param name="Lease">How long the transaction may stay idle before the owner rolls it back.</param>
public sealed record Begin(TimeSpan Lease) : DatabaseRequest;
