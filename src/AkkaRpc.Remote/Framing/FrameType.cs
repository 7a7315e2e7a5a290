namespace AkkaRpc.Remote.Framing;

/// <summary>The kind of a frame, carried in byte 4 of its header.</summary>
internal enum FrameType : byte
{
    /// <summary>Client's first frame: magic, version, limits, identity, client nonce.</summary>
    Hello = 1,

    /// <summary>Server's answer to Hello: version, limits, identity, server nonce, server proof.</summary>
    Challenge = 2,

    /// <summary>Client's proof that it knows the cookie.</summary>
    ClientProof = 3,

    /// <summary>Server accepts the client; message frames may follow.</summary>
    Accepted = 4,

    /// <summary>Either side refuses the handshake: a code and a human message, then the sender closes.</summary>
    Refused = 5,

    /// <summary>One whole message; the payload is opaque to this layer.</summary>
    Message = 16,

    /// <summary>One piece of a message too big for one frame.</summary>
    Chunk = 17,
}
