namespace AkkaRpc.Client;

/// <summary>The database does not exist on the node (and the node does not create databases on demand), or its name is not allowed.</summary>
public sealed class DatabaseNotFoundException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public DatabaseNotFoundException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DatabaseNotFoundException()
        : this("The database was not found.")
    {
    }
}
