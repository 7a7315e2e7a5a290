using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Akka.Actor;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Framing;

namespace AkkaRpc.Transport.Handshake;

/// <summary>
/// The two halves of the handshake: Hello → Challenge (with server proof) → ClientProof → Accepted, or Refused from
/// either side at any step. Both sides prove they know the cookie; it never crosses the wire. Only handshake frames
/// under the small pre-authentication limit are read here, so no Akka frame is accepted before Accepted. Any failure
/// throws <see cref="ConnectionException"/>; when this side refuses, the Refused frame is already queued.
/// </summary>
internal static class HandshakeProtocol
{
    public static async Task<PeerInfo> RunClientAsync(
        SocketConnection connection, Address localAddress, int maxFrameSize, byte[] cookie, CancellationToken cancellationToken)
    {
        try
        {
            byte[] nonce = RandomNumberGenerator.GetBytes(HandshakeMessages.NonceSize);
            byte[] hello = HandshakeMessages.EncodeHello(HandshakeMessages.ProtocolVersion, maxFrameSize, nonce, localAddress);
            connection.Send(FrameType.Hello, hello);

            (FrameType type, byte[] payload) = await ReadFrameAsync(connection.Input, cancellationToken).ConfigureAwait(false);
            ThrowIfRefused(type, payload);
            Expect(FrameType.Challenge, type);
            var challenge = HandshakeMessages.DecodeChallenge(payload, localAddress.Protocol);
            if (challenge.Version != HandshakeMessages.ProtocolVersion)
            {
                throw Refuse(connection, RefusalCode.VersionMismatch, $"this side speaks protocol version {HandshakeMessages.ProtocolVersion}, the server {challenge.Version}");
            }

            byte[] expected = HandshakeMessages.ServerProof(cookie, nonce, hello, challenge.WithoutProof);
            if (!CryptographicOperations.FixedTimeEquals(expected, challenge.Proof))
            {
                throw Refuse(connection, RefusalCode.BadCookie, "the server's proof did not verify: the two sides use different cookies");
            }

            int sendLimit = SendLimit(challenge.MaxFrameSize, maxFrameSize);
            connection.Send(FrameType.ClientProof, HandshakeMessages.ClientProof(cookie, challenge.Nonce, hello, challenge.WithoutProof));

            (type, payload) = await ReadFrameAsync(connection.Input, cancellationToken).ConfigureAwait(false);
            ThrowIfRefused(type, payload);
            Expect(FrameType.Accepted, type);
            return new PeerInfo(challenge.Address!, sendLimit);
        }
        catch (ConnectionException ex) when (ex.Kind is FailureKind.ProtocolViolation or FailureKind.FrameTooLarge)
        {
            throw RefuseAfterViolation(connection, ex);
        }
    }

    public static async Task<PeerInfo> RunServerAsync(
        SocketConnection connection, Address localAddress, int maxFrameSize, byte[] cookie, CancellationToken cancellationToken)
    {
        try
        {
            (FrameType type, byte[] hello) = await ReadFrameAsync(connection.Input, cancellationToken).ConfigureAwait(false);
            ThrowIfRefused(type, hello);
            Expect(FrameType.Hello, type);
            var peer = HandshakeMessages.DecodeHello(hello, localAddress.Protocol);
            if (peer.Version != HandshakeMessages.ProtocolVersion)
            {
                throw Refuse(connection, RefusalCode.VersionMismatch, $"this side speaks protocol version {HandshakeMessages.ProtocolVersion}, the client {peer.Version}");
            }

            int sendLimit = SendLimit(peer.MaxFrameSize, maxFrameSize);
            byte[] nonce = RandomNumberGenerator.GetBytes(HandshakeMessages.NonceSize);
            byte[] challenge = HandshakeMessages.EncodeChallengeWithoutProof(HandshakeMessages.ProtocolVersion, maxFrameSize, nonce, localAddress);
            byte[] proof = HandshakeMessages.ServerProof(cookie, peer.Nonce, hello, challenge);
            connection.Send(FrameType.Challenge, [.. challenge, .. proof]);

            (type, byte[] clientProof) = await ReadFrameAsync(connection.Input, cancellationToken).ConfigureAwait(false);
            ThrowIfRefused(type, clientProof);
            Expect(FrameType.ClientProof, type);
            byte[] expected = HandshakeMessages.ClientProof(cookie, nonce, hello, challenge);
            if (!CryptographicOperations.FixedTimeEquals(expected, clientProof))
            {
                throw Refuse(connection, RefusalCode.BadCookie, "the client's proof did not verify: the two sides use different cookies");
            }

            connection.Send(FrameType.Accepted, []);
            return new PeerInfo(peer.Address!, sendLimit);
        }
        catch (ConnectionException ex) when (ex.Kind is FailureKind.ProtocolViolation or FailureKind.FrameTooLarge)
        {
            throw RefuseAfterViolation(connection, ex);
        }
    }

    /// <summary>Queues a Refused frame and returns the exception describing this side's refusal.</summary>
    public static ConnectionException Refuse(SocketConnection connection, RefusalCode code, string reason)
    {
        try
        {
            connection.Send(FrameType.Refused, HandshakeMessages.EncodeRefused(code, reason));
        }
        catch (ConnectionException)
        {
            // The connection already broke; the refusal is still logged on this side.
        }

        return new ConnectionException(code, $"refused the peer ({code}): {reason}");
    }

    private static ConnectionException RefuseAfterViolation(SocketConnection connection, ConnectionException violation)
    {
        Refuse(connection, RefusalCode.ProtocolError, violation.Message);
        return new ConnectionException(violation.Kind, $"{violation.Message} (during the handshake)", violation);
    }

    private static int SendLimit(int peerMaxFrameSize, int maxFrameSize)
    {
        if (peerMaxFrameSize < TransportSettings.MinFrameSize)
        {
            throw ProtocolErrors.Violation($"the peer's frame limit {peerMaxFrameSize} is below the protocol minimum {TransportSettings.MinFrameSize}");
        }

        return Math.Min(peerMaxFrameSize, maxFrameSize);
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
                    // Only this frame is examined: bytes after it stay for the next reader.
                    consumed = examined = buffer.Start;
                    return (type, payload.ToArray());
                }

                if (result.IsCompleted)
                {
                    throw buffer.IsEmpty
                        ? new ConnectionException(FailureKind.PeerClosed, "the peer closed the connection during the handshake")
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
