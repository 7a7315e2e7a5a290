namespace AkkaRpc.Client;

/// <summary>
/// Base of every failure the client reports. Each kind has its own type and a message that says what to do; the
/// client and the node stay usable after any of them.
/// </summary>
public abstract class AkkaRpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected AkkaRpcException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True when the request may have run on the node (its reply was lost); false when it certainly did not run, so
    /// sending it again is safe.
    /// </summary>
    public virtual bool OutcomeUnknown => false;
}
