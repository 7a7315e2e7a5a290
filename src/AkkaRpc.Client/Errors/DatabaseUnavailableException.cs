namespace AkkaRpc.Client;

/// <summary>The node gave up reopening the database after repeated failures; the message has the last failure.</summary>
public sealed class DatabaseUnavailableException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public DatabaseUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DatabaseUnavailableException()
        : this("The database is unavailable.")
    {
    }
}
