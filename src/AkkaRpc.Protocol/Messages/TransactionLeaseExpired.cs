namespace AkkaRpc.Protocol;

/// <summary>The interactive transaction idled past its lease and was rolled back.</summary>
/// <param name="TransactionId">The transaction that expired.</param>
public sealed record TransactionLeaseExpired(long TransactionId) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"Transaction {TransactionId} idled past its lease and was rolled back; none of its changes were kept. Start a new transaction, with a longer lease if needed.";
}
