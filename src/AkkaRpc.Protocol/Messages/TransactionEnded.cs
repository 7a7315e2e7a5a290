namespace AkkaRpc.Protocol;

/// <summary>An interactive transaction is over.</summary>
/// <param name="TransactionId">The transaction that ended.</param>
/// <param name="Committed">True if its changes were committed, false if they were rolled back.</param>
public sealed record TransactionEnded(long TransactionId, bool Committed) : DatabaseReply;
