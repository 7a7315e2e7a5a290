namespace AkkaRpc.Remote;

/// <summary>
/// No connection to the remote node could be made (nothing listens there, the handshake was refused or timed out),
/// so the message was never sent. Unlike <see cref="RemoteConnectionLostException"/>, the outcome is known: nothing ran,
/// and sending again is safe.
/// </summary>
public sealed class RemoteUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteUnreachableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RemoteUnreachableException()
        : this("The remote node could not be reached; nothing was sent.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RemoteUnreachableException(string message)
        : this(message, null)
    {
    }

    /// <summary>Why the connection failed, when the transport said.</summary>
    public TransportFailureKind? Kind => (InnerException as RemoteTransportException)?.Kind;

    /// <summary>Why the peer refused the handshake, when it did (for example a different cookie).</summary>
    public HandshakeRefusalCode? RefusalCode => InnerException is RemoteTransportException { Kind: TransportFailureKind.HandshakeRefused } e ? e.RefusalCode : null;
}
