namespace AkkaRpc.Transport.Framing;

/// <summary>The kind of a frame, carried in byte 4 of its header.</summary>
internal enum FrameType : byte
{
    /// <summary>Client's first frame: magic, version, frame limit, nonce, its own address.</summary>
    Hello = 1,

    /// <summary>Server's answer to Hello: version, frame limit, nonce, its address, server proof.</summary>
    Challenge = 2,

    /// <summary>Client's proof that it knows the cookie.</summary>
    ClientProof = 3,

    /// <summary>Server accepts the client; Akka frames may follow in both directions.</summary>
    Accepted = 4,

    /// <summary>Either side refuses the handshake: a code and a human message, then the sender closes.</summary>
    Refused = 5,

    /// <summary>One Akka.Remote PDU; the payload is opaque to this layer.</summary>
    Pdu = 16,
}
