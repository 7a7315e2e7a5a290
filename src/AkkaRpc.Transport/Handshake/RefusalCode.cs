namespace AkkaRpc.Transport.Handshake;

/// <summary>Machine-readable reason carried by a Refused handshake frame.</summary>
internal enum RefusalCode : byte
{
    /// <summary>No refusal.</summary>
    None = 0,

    /// <summary>The two sides speak different protocol versions.</summary>
    VersionMismatch = 1,

    /// <summary>The proof did not verify: the two sides use different cookies.</summary>
    BadCookie = 2,

    /// <summary>The listener is at its connection or handshake cap.</summary>
    TooManyConnections = 3,

    /// <summary>The handshake frames were malformed or out of order.</summary>
    ProtocolError = 4,

    /// <summary>The node no longer accepts connections (draining or shutting down).</summary>
    ShuttingDown = 5,

    /// <summary>The Unix socket peer runs as another user.</summary>
    WrongUser = 6,
}
