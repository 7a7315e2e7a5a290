namespace AkkaRpc.Remote.Handshake;

/// <summary>A decoded Hello.</summary>
internal sealed record PeerHello(ushort Version, int MaxFrameSize, long Uid, byte[] Nonce, string SystemName);
