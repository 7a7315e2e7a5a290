namespace AkkaRpc.Remote;

/// <summary>Machine-readable reason carried by a Refused handshake frame.</summary>
public enum HandshakeRefusalCode : byte
{
    /// <summary>No refusal.</summary>
    None = 0,

    /// <summary>The two nodes speak different protocol versions.</summary>
    VersionMismatch = 1,

    /// <summary>The proof did not verify: the nodes use different cookies.</summary>
    BadCookie = 2,

    /// <summary>The listener already serves its maximum number of connections.</summary>
    TooManyConnections = 3,

    /// <summary>The handshake frames were malformed or out of order.</summary>
    ProtocolError = 4,

    /// <summary>The node is shutting down.</summary>
    ShuttingDown = 5,
}
