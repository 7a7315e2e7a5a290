namespace AkkaRpc.Remote.Handshake;

/// <summary>A decoded Challenge, with the bytes the proofs cover.</summary>
internal sealed record PeerChallenge(ushort Version, int MaxFrameSize, long Uid, byte[] Nonce, string SystemName, byte[] WithoutProof, byte[] Proof);
