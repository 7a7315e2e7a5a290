namespace AkkaRpc.Remote;

/// <summary>A transport fault: a connection could not be made, was refused, or broke.</summary>
public sealed class RemoteTransportException : Exception
{
    /// <summary>Creates an exception with a failure kind and a message that says what happened.</summary>
    public RemoteTransportException(TransportFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Creates a handshake refusal carrying the refusal code.</summary>
    public RemoteTransportException(HandshakeRefusalCode refusalCode, string message)
        : base(message)
    {
        Kind = TransportFailureKind.HandshakeRefused;
        RefusalCode = refusalCode;
    }

    /// <summary>Creates an exception with no detail; prefer the constructors that carry a kind.</summary>
    public RemoteTransportException()
        : this(TransportFailureKind.ConnectionAborted, "The remote transport failed.")
    {
    }

    /// <summary>Creates an exception with a message; prefer the constructors that carry a kind.</summary>
    public RemoteTransportException(string message)
        : this(TransportFailureKind.ConnectionAborted, message)
    {
    }

    /// <summary>Creates an exception with a message and cause; prefer the constructors that carry a kind.</summary>
    public RemoteTransportException(string message, Exception innerException)
        : this(TransportFailureKind.ConnectionAborted, message, innerException)
    {
    }

    /// <summary>Gets what kind of failure this is.</summary>
    public TransportFailureKind Kind { get; }

    /// <summary>Gets the refusal code when <see cref="Kind"/> is <see cref="TransportFailureKind.HandshakeRefused"/>.</summary>
    public HandshakeRefusalCode RefusalCode { get; }

    /// <summary>Gets whether retrying (for example reconnecting) may succeed without changing anything.</summary>
    public bool IsTransient => Kind is TransportFailureKind.PeerClosed or TransportFailureKind.ConnectionReset
        or TransportFailureKind.ConnectionAborted or TransportFailureKind.Unreachable
        or TransportFailureKind.HandshakeTimeout or TransportFailureKind.SlowReader
        || RefusalCode is HandshakeRefusalCode.TooManyConnections or HandshakeRefusalCode.ShuttingDown;
}
