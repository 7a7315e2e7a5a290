namespace AkkaRpc.Protocol;

/// <summary>Commits an interactive transaction; answered by <see cref="TransactionEnded"/>.</summary>
/// <param name="TransactionId">The id from <see cref="TransactionStarted"/>.</param>
public sealed record Commit(long TransactionId) : DatabaseRequest;
