namespace AkkaRpc.Remote.Handshake;

/// <summary>What the handshake learned about an authenticated peer.</summary>
/// <param name="SystemName">The peer's actor system name.</param>
/// <param name="Uid">The peer's node incarnation uid.</param>
/// <param name="SendFrameLimit">The largest frame payload we may send it: the smaller of both sides' limits.</param>
internal sealed record PeerInfo(string SystemName, long Uid, int SendFrameLimit);
