namespace AkkaRpc.Transport.Connections;

/// <summary>Why a connection failed or closed.</summary>
internal enum FailureKind
{
    /// <summary>This side closed the connection on purpose.</summary>
    LocalClose,

    /// <summary>The peer closed the connection cleanly.</summary>
    PeerClosed,

    /// <summary>The peer reset the connection (it crashed or aborted).</summary>
    ConnectionReset,

    /// <summary>The socket failed in another way, or the connection was aborted locally.</summary>
    ConnectionAborted,

    /// <summary>The peer sent bytes that break the wire protocol.</summary>
    ProtocolViolation,

    /// <summary>The peer sent a frame larger than the limit.</summary>
    FrameTooLarge,

    /// <summary>The peer stopped reading and the outbound queue stayed over its cap.</summary>
    SlowReader,

    /// <summary>A partly received frame made no progress for partial-frame-timeout.</summary>
    FrameStalled,

    /// <summary>The handshake did not finish in time.</summary>
    HandshakeTimeout,

    /// <summary>The handshake was refused by this side or the peer; see <see cref="ConnectionException.RefusalCode"/>.</summary>
    HandshakeRefused,
}
