using Akka.Actor;

namespace AkkaRpc.Transport.Handshake;

/// <summary>What the handshake learned about an authenticated peer.</summary>
/// <param name="Address">The address the peer stated (covered by both proofs), without the <c>akka.</c> prefix.</param>
/// <param name="SendFrameLimit">The largest frame payload we may send it: the smaller of both sides' limits.</param>
internal sealed record PeerInfo(Address Address, int SendFrameLimit);
