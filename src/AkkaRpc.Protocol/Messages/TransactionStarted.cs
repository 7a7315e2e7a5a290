namespace AkkaRpc.Protocol;

/// <summary>An interactive transaction is open and holds the write lock.</summary>
/// <param name="TransactionId">The id to pass to <see cref="Commit"/> or <see cref="Rollback"/>.</param>
/// <param name="Lease">The lease granted.</param>
public sealed record TransactionStarted(long TransactionId, TimeSpan Lease) : DatabaseReply;
