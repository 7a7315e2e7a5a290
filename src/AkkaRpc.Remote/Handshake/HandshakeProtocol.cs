using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using AkkaRpc.Remote.Framing;
using AkkaRpc.Remote.Transport;

namespace AkkaRpc.Remote.Handshake;

/// <summary>
/// The two halves of the handshake: Hello → Challenge (with server proof) → ClientProof → Accepted, or
/// Refused from either side at any step. Both sides prove knowledge of the cookie; it never crosses the wire.
/// Any failure throws <see cref="RemoteTransportException"/>; when this side refuses, the Refused frame is
/// already queued so the caller only has to close the connection gracefully.
/// </summary>
internal static class HandshakeProtocol
{
    public static async Task<PeerInfo> RunClientAsync(SocketConnection connection, RemoteTransportOptions options, byte[] cookie, CancellationToken cancellationToken)
    {
        try
        {
            byte[] nonce = RandomNumberGenerator.GetBytes(HandshakeMessages.NonceSize);
            byte[] hello = HandshakeMessages.EncodeHello(RemoteTransportOptions.ProtocolVersion, options.MaxFrameSize, options.NodeUid, nonce, options.SystemName);
            connection.Send(FrameType.Hello, hello);

            (FrameType type, byte[] payload) = await ReadFrameAsync(connection.Input, cancellationToken).ConfigureAwait(false);
            ThrowIfRefused(type, payload);
            Expect(FrameType.Challenge, type);
            PeerChallenge challenge = HandshakeMessages.DecodeChallenge(payload);
            if (challenge.Version != RemoteTransportOptions.ProtocolVersion)
            {
                throw Refuse(connection, HandshakeRefusalCode.VersionMismatch, $"this node speaks protocol version {RemoteTransportOptions.ProtocolVersion}, the server {challenge.Version}");
            }

            byte[] expected = HandshakeMessages.ServerProof(cookie, nonce, hello, challenge.WithoutProof);
            if (!CryptographicOperations.FixedTimeEquals(expected, challenge.Proof))
            {
                throw Refuse(connection, HandshakeRefusalCode.BadCookie, "the server's proof did not verify: the two nodes use different cookies");
            }

            int sendLimit = SendLimit(challenge.MaxFrameSize, options);
            connection.Send(FrameType.ClientProof, HandshakeMessages.ClientProof(cookie, challenge.Nonce, hello, challenge.WithoutProof));

            (type, payload) = await ReadFrameAsync(connection.Input, cancellationToken).ConfigureAwait(false);
            ThrowIfRefused(type, payload);
            Expect(FrameType.Accepted, type);
            return new PeerInfo(challenge.SystemName, challenge.Uid, sendLimit);
        }
        catch (RemoteTransportException ex) when (ex.Kind is TransportFailureKind.ProtocolViolation or TransportFailureKind.FrameTooLarge)
        {
            throw RefuseAfterViolation(connection, ex);
        }
    }

    public static async Task<PeerInfo> RunServerAsync(SocketConnection connection, RemoteTransportOptions options, byte[] cookie, CancellationToken cancellationToken)
    {
        try
        {
            (FrameType type, byte[] hello) = await ReadFrameAsync(connection.Input, cancellationToken).ConfigureAwait(false);
            ThrowIfRefused(type, hello);
            Expect(FrameType.Hello, type);
            PeerHello peer = HandshakeMessages.DecodeHello(hello);
            if (peer.Version != RemoteTransportOptions.ProtocolVersion)
            {
                throw Refuse(connection, HandshakeRefusalCode.VersionMismatch, $"this node speaks protocol version {RemoteTransportOptions.ProtocolVersion}, the client {peer.Version}");
            }

            int sendLimit = SendLimit(peer.MaxFrameSize, options);
            byte[] nonce = RandomNumberGenerator.GetBytes(HandshakeMessages.NonceSize);
            byte[] challenge = HandshakeMessages.EncodeChallengeWithoutProof(RemoteTransportOptions.ProtocolVersion, options.MaxFrameSize, options.NodeUid, nonce, options.SystemName);
            byte[] proof = HandshakeMessages.ServerProof(cookie, peer.Nonce, hello, challenge);
            connection.Send(FrameType.Challenge, [.. challenge, .. proof]);

            (type, byte[] clientProof) = await ReadFrameAsync(connection.Input, cancellationToken).ConfigureAwait(false);
            ThrowIfRefused(type, clientProof);
            Expect(FrameType.ClientProof, type);
            byte[] expected = HandshakeMessages.ClientProof(cookie, nonce, hello, challenge);
            if (!CryptographicOperations.FixedTimeEquals(expected, clientProof))
            {
                throw Refuse(connection, HandshakeRefusalCode.BadCookie, "the client's proof did not verify: the two nodes use different cookies");
            }

            connection.Send(FrameType.Accepted, []);
            return new PeerInfo(peer.SystemName, peer.Uid, sendLimit);
        }
        catch (RemoteTransportException ex) when (ex.Kind is TransportFailureKind.ProtocolViolation or TransportFailureKind.FrameTooLarge)
        {
            throw RefuseAfterViolation(connection, ex);
        }
    }

    /// <summary>Queues a Refused frame and returns the exception describing this side's refusal.</summary>
    public static RemoteTransportException Refuse(SocketConnection connection, HandshakeRefusalCode code, string reason)
    {
        try
        {
            connection.Send(FrameType.Refused, HandshakeMessages.EncodeRefused(code, reason));
        }
        catch (RemoteTransportException)
        {
            // The connection already broke; the refusal is still logged on this side.
        }

        return new RemoteTransportException(code, $"refused the peer ({code}): {reason}");
    }

    private static RemoteTransportException RefuseAfterViolation(SocketConnection connection, RemoteTransportException violation)
    {
        Refuse(connection, HandshakeRefusalCode.ProtocolError, violation.Message);
        return new RemoteTransportException(violation.Kind, $"{violation.Message} (during the handshake)", violation);
    }

    private static int SendLimit(int peerMaxFrameSize, RemoteTransportOptions options)
    {
        if (peerMaxFrameSize < FrameLayout.MinMaxFrameSize)
        {
            throw ProtocolErrors.Violation($"the peer's frame limit {peerMaxFrameSize} is below the protocol minimum {FrameLayout.MinMaxFrameSize}");
        }

        return Math.Min(peerMaxFrameSize, options.MaxFrameSize);
    }

    private static void ThrowIfRefused(FrameType type, byte[] payload)
    {
        if (type == FrameType.Refused)
        {
            throw HandshakeMessages.DecodeRefused(payload);
        }
    }

    private static void Expect(FrameType expected, FrameType actual)
    {
        if (actual != expected)
        {
            throw ProtocolErrors.Violation($"expected a {expected} frame during the handshake but got {actual}");
        }
    }

    /// <summary>Reads one whole handshake frame, holding it to the small pre-authentication limit.</summary>
    private static async Task<(FrameType Type, byte[] Payload)> ReadFrameAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            SequencePosition consumed = buffer.Start;
            SequencePosition examined = buffer.End;
            try
            {
                if (FrameReader.TryRead(ref buffer, FrameLayout.HandshakeMaxFrameSize, out FrameType type, out ReadOnlySequence<byte> payload))
                {
                    // Only this frame is examined: bytes after it (the first messages) stay for the next reader.
                    consumed = examined = buffer.Start;
                    return (type, payload.ToArray());
                }

                if (result.IsCompleted)
                {
                    throw buffer.IsEmpty
                        ? new RemoteTransportException(TransportFailureKind.PeerClosed, "the peer closed the connection during the handshake")
                        : ProtocolErrors.Truncated(buffer.Length);
                }
            }
            finally
            {
                input.AdvanceTo(consumed, examined);
            }
        }
    }
}
