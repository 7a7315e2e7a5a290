using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>Turns a node's typed error reply into the client exception for it, keeping the node's message.</summary>
internal static class ErrorMapper
{
    /// <param name="error">The node's reply.</param>
    /// <param name="message">The message to report; by default the error's own. A failed batch passes its own, which names the statement.</param>
    public static AkkaRpcException Map(DatabaseError error, string? message = null)
    {
        message ??= error.Message;
        return error switch
        {
            SqlError e => new SqlErrorException(message, e.PrimaryCode, e.ExtendedCode),

            // A failed batch is reported as the kind of error its statement met.
            BatchFailed e => Map(e.Error, message),
            DatabaseNotFound or InvalidDatabaseName => new DatabaseNotFoundException(message),
            Busy or Overloaded => new DatabaseBusyException(message),

            // The node's own limits on what it holds at once: retrying later may succeed, as for Overloaded.
            LimitExceeded { Limit: LimitKind.OpenDatabases or LimitKind.QueuedBytes } => new DatabaseBusyException(message),
            DatabaseUnavailable => new DatabaseUnavailableException(message),

            // In a cluster, the member running the owner died mid-request: to the caller, a lost connection.
            OwnerLost => new ConnectionLostException(message),
            TransactionLeaseExpired or TransactionNotFound or TransactionInProgress or LeaseOutOfRange => new TransactionException(message),
            CursorNotFound => new StatementRefusedException(message + " The result's cursor expired on the node before all its rows were read."),

            // Stopped at its time limit: nothing it did remains (the outcome is known, unlike a RequestTimeoutException);
            // when that also ended the caller's transaction, it is reported as the transaction failing.
            StatementTimedOut { TransactionRolledBack: true } => new TransactionException(message),
            StatementTimedOut => new StatementRefusedException(message),
            _ => new StatementRefusedException(message),
        };
    }
}
