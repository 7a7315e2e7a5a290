namespace AkkaRpc.Client;

/// <summary>A transaction request failed: its lease expired (the node rolled it back), it is unknown to the node, another transaction holds the database, or the lease asked for is out of range.</summary>
public sealed class TransactionException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public TransactionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TransactionException()
        : this("The transaction request failed.")
    {
    }
}
