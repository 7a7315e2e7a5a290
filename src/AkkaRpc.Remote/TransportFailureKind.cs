namespace AkkaRpc.Remote;

/// <summary>Why a remote connection failed or closed.</summary>
public enum TransportFailureKind
{
    /// <summary>This side closed the connection on purpose.</summary>
    LocalClose,

    /// <summary>The peer closed the connection cleanly.</summary>
    PeerClosed,

    /// <summary>The peer reset the connection (it crashed or aborted).</summary>
    ConnectionReset,

    /// <summary>The socket failed in another way, or the connection was aborted locally.</summary>
    ConnectionAborted,

    /// <summary>No connection could be made to the endpoint.</summary>
    Unreachable,

    /// <summary>The peer sent bytes that break the wire protocol.</summary>
    ProtocolViolation,

    /// <summary>The peer sent a frame or message larger than the configured maximum.</summary>
    FrameTooLarge,

    /// <summary>The peer did not read fast enough and too many outbound bytes queued up.</summary>
    SlowReader,

    /// <summary>The handshake did not finish within the configured timeout.</summary>
    HandshakeTimeout,

    /// <summary>The handshake was refused by this side or by the peer; see <see cref="RemoteTransportException.RefusalCode"/>.</summary>
    HandshakeRefused,

    /// <summary>The peer's heartbeats stopped arriving for longer than the failure detector accepts.</summary>
    HeartbeatTimeout,
}
