namespace AkkaRpc.Remote;

/// <summary>
/// The connection a request travelled on closed before its reply arrived: the request may or may not have run.
/// Never retried automatically, because a write may have happened.
/// </summary>
public sealed class RemoteConnectionLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteConnectionLostException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RemoteConnectionLostException()
        : this("The connection was lost; the outcome of the request is unknown.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public RemoteConnectionLostException(string message)
        : this(message, null)
    {
    }

    /// <summary>Why the connection closed, when the transport said.</summary>
    public TransportFailureKind? Kind => (InnerException as RemoteTransportException)?.Kind;
}
