namespace AkkaRpc.Protocol;

/// <summary>Another interactive transaction is already open, so a new one cannot start.</summary>
/// <param name="ActiveTransactionId">The transaction that is open.</param>
public sealed record TransactionInProgress(long ActiveTransactionId) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"Transaction {ActiveTransactionId} is already open. Commit or roll it back before beginning another.";
}
