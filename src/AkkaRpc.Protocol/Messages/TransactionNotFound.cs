namespace AkkaRpc.Protocol;

/// <summary>No interactive transaction with that id is open.</summary>
/// <param name="TransactionId">The id asked for.</param>
public sealed record TransactionNotFound(long TransactionId) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"Transaction {TransactionId} is not open: it was already committed or rolled back, expired, or its owner restarted or moved to another cluster member (then it was rolled back).";
}
