namespace AkkaRpc.Protocol;

/// <summary>Rolls back an interactive transaction; answered by <see cref="TransactionEnded"/>.</summary>
/// <param name="TransactionId">The id from <see cref="TransactionStarted"/>.</param>
public sealed record Rollback(long TransactionId) : DatabaseRequest;
