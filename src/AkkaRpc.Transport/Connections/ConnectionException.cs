using AkkaRpc.Transport.Handshake;

namespace AkkaRpc.Transport.Connections;

/// <summary>A connection fault with a kind; its message is the logged reason the connection closed.</summary>
internal sealed class ConnectionException : Exception
{
    public ConnectionException(FailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ConnectionException(RefusalCode refusalCode, string message)
        : base(message)
    {
        Kind = FailureKind.HandshakeRefused;
        RefusalCode = refusalCode;
    }

    public ConnectionException()
        : this(FailureKind.ConnectionAborted, "the connection failed")
    {
    }

    public ConnectionException(string message)
        : this(FailureKind.ConnectionAborted, message)
    {
    }

    public ConnectionException(string message, Exception innerException)
        : this(FailureKind.ConnectionAborted, message, innerException)
    {
    }

    /// <summary>Gets what kind of failure this is.</summary>
    public FailureKind Kind { get; }

    /// <summary>Gets the refusal code when <see cref="Kind"/> is <see cref="FailureKind.HandshakeRefused"/>.</summary>
    public RefusalCode RefusalCode { get; }

    /// <summary>Gets whether the close was an orderly one rather than a fault worth a warning.</summary>
    public bool IsOrderly => Kind is FailureKind.LocalClose or FailureKind.PeerClosed;
}
