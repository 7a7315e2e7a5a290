using AkkaRpc.Sqlite;

namespace AkkaRpc.Client;

/// <summary>Turns a node's typed error reply into the client exception for it, keeping the node's message.</summary>
internal static class ErrorMapper
{
    public static AkkaRpcException Map(DatabaseError error) => error switch
    {
        SqlError e => new SqlErrorException(e.Message, e.PrimaryCode, e.ExtendedCode),
        BatchFailed e => WithMessage(Map(e.Error), e.Message),
        DatabaseNotFound or InvalidDatabaseName => new DatabaseNotFoundException(error.Message),
        Busy or Overloaded => new DatabaseBusyException(error.Message),
        DatabaseUnavailable => new DatabaseUnavailableException(error.Message),
        StatementRefused or LimitExceeded => new StatementRefusedException(error.Message),
        TransactionLeaseExpired or TransactionNotFound or TransactionInProgress or LeaseOutOfRange => new TransactionException(error.Message),
        CursorNotFound => new StatementRefusedException(error.Message + " The result's cursor expired on the node before all its rows were read."),
        _ => new StatementRefusedException(error.Message),
    };

    // A failed batch names the statement that failed; the exception type stays that of the statement's error.
    private static AkkaRpcException WithMessage(AkkaRpcException inner, string message) => inner switch
    {
        SqlErrorException e => new SqlErrorException(message, e.PrimaryCode, e.ExtendedCode),
        DatabaseBusyException => new DatabaseBusyException(message, inner),
        TransactionException => new TransactionException(message, inner),
        DatabaseUnavailableException => new DatabaseUnavailableException(message, inner),
        DatabaseNotFoundException => new DatabaseNotFoundException(message, inner),
        _ => new StatementRefusedException(message, inner),
    };
}
