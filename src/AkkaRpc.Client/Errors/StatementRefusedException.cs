namespace AkkaRpc.Client;

/// <summary>The node refused a statement or request: it reaches outside the database (ATTACH, VACUUM INTO, extensions) or exceeds a configured limit.</summary>
public sealed class StatementRefusedException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public StatementRefusedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StatementRefusedException()
        : this("The statement was refused.")
    {
    }
}
