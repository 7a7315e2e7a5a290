namespace AkkaRpc.Client;

/// <summary>The database could not take the request now: SQLite was locked by another process past the busy timeout, or the owner's queue was full. Nothing ran; retry after a pause.</summary>
public sealed class DatabaseBusyException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public DatabaseBusyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DatabaseBusyException()
        : this("The database is busy.")
    {
    }
}
