using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AkkaRpc.Remote.Framing;

namespace AkkaRpc.Remote.Handshake;

/// <summary>
/// Encodes and decodes handshake frame payloads (all integers little-endian):
/// <list type="bullet">
/// <item>Hello: <c>"AKRP"</c>, u16 version, u32 max frame size, i64 node uid, 32-byte client nonce, u8 name length, UTF-8 system name.</item>
/// <item>Challenge: u16 version, u32 max frame size, i64 node uid, 32-byte server nonce, u8 name length, UTF-8 system name, 32-byte server proof.</item>
/// <item>ClientProof: 32-byte client proof.</item>
/// <item>Accepted: empty. Refused: u8 <see cref="HandshakeRefusalCode"/>, UTF-8 message.</item>
/// </list>
/// The transcript is the Hello payload followed by the Challenge payload without its trailing proof.
/// Server proof = HMAC-SHA256(cookie, "AKRP server proof" ‖ client nonce ‖ transcript);
/// client proof = HMAC-SHA256(cookie, "AKRP client proof" ‖ server nonce ‖ transcript).
/// The labels differ so one side's proof can never be replayed as the other's.
/// </summary>
internal static class HandshakeMessages
{
    public const int NonceSize = 32;
    public const int ProofSize = 32;
    public const int MaxRefusalMessageBytes = 512;

    private static ReadOnlySpan<byte> Magic => "AKRP"u8;

    private static ReadOnlySpan<byte> ServerLabel => "AKRP server proof"u8;

    private static ReadOnlySpan<byte> ClientLabel => "AKRP client proof"u8;

    public static byte[] EncodeHello(ushort version, int maxFrameSize, long uid, ReadOnlySpan<byte> nonce, string systemName)
    {
        byte[] name = Encoding.UTF8.GetBytes(systemName);
        byte[] payload = new byte[4 + 2 + 4 + 8 + NonceSize + 1 + name.Length];
        Magic.CopyTo(payload);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(4), version);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(6), maxFrameSize);
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(10), uid);
        nonce.CopyTo(payload.AsSpan(18));
        payload[18 + NonceSize] = (byte)name.Length;
        name.CopyTo(payload.AsSpan(19 + NonceSize));
        return payload;
    }

    /// <summary>Decodes a Hello; a payload without the magic means the peer is not an AkkaRpc node.</summary>
    public static PeerHello DecodeHello(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 6 || !payload[..4].SequenceEqual(Magic))
        {
            throw ProtocolErrors.Violation("the first frame is not an AkkaRpc Hello (bad magic); the peer does not speak the AkkaRpc protocol");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(payload[4..]);
        if (version != RemoteTransportOptions.ProtocolVersion)
        {
            // Only the version is read, so a newer layout still gets a proper version refusal.
            return new PeerHello(version, 0, 0, [], string.Empty);
        }

        if (payload.Length < 19 + NonceSize)
        {
            throw ProtocolErrors.Violation($"Hello of {payload.Length} bytes is too short");
        }

        int maxFrame = BinaryPrimitives.ReadInt32LittleEndian(payload[6..]);
        long uid = BinaryPrimitives.ReadInt64LittleEndian(payload[10..]);
        byte[] nonce = payload.Slice(18, NonceSize).ToArray();
        string name = DecodeName(payload[(18 + NonceSize)..], 0, "Hello");
        return new PeerHello(version, maxFrame, uid, nonce, name);
    }

    public static byte[] EncodeChallengeWithoutProof(ushort version, int maxFrameSize, long uid, ReadOnlySpan<byte> nonce, string systemName)
    {
        byte[] name = Encoding.UTF8.GetBytes(systemName);
        byte[] payload = new byte[2 + 4 + 8 + NonceSize + 1 + name.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(payload, version);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(2), maxFrameSize);
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(6), uid);
        nonce.CopyTo(payload.AsSpan(14));
        payload[14 + NonceSize] = (byte)name.Length;
        name.CopyTo(payload.AsSpan(15 + NonceSize));
        return payload;
    }

    public static PeerChallenge DecodeChallenge(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2)
        {
            throw ProtocolErrors.Violation("Challenge frame is empty");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        if (version != RemoteTransportOptions.ProtocolVersion)
        {
            return new PeerChallenge(version, 0, 0, [], string.Empty, [], []);
        }

        if (payload.Length < 15 + NonceSize + ProofSize)
        {
            throw ProtocolErrors.Violation($"Challenge of {payload.Length} bytes is too short");
        }

        int maxFrame = BinaryPrimitives.ReadInt32LittleEndian(payload[2..]);
        long uid = BinaryPrimitives.ReadInt64LittleEndian(payload[6..]);
        byte[] nonce = payload.Slice(14, NonceSize).ToArray();
        string name = DecodeName(payload[(14 + NonceSize)..^ProofSize], 0, "Challenge");
        byte[] withoutProof = payload[..^ProofSize].ToArray();
        byte[] proof = payload[^ProofSize..].ToArray();
        return new PeerChallenge(version, maxFrame, uid, nonce, name, withoutProof, proof);
    }

    public static byte[] ServerProof(ReadOnlySpan<byte> cookie, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> hello, ReadOnlySpan<byte> challengeWithoutProof) =>
        Proof(cookie, ServerLabel, clientNonce, hello, challengeWithoutProof);

    public static byte[] ClientProof(ReadOnlySpan<byte> cookie, ReadOnlySpan<byte> serverNonce, ReadOnlySpan<byte> hello, ReadOnlySpan<byte> challengeWithoutProof) =>
        Proof(cookie, ClientLabel, serverNonce, hello, challengeWithoutProof);

    public static byte[] EncodeRefused(HandshakeRefusalCode code, string message)
    {
        byte[] text = Encoding.UTF8.GetBytes(message);
        int length = Math.Min(text.Length, MaxRefusalMessageBytes);
        byte[] payload = new byte[1 + length];
        payload[0] = (byte)code;
        text.AsSpan(0, length).CopyTo(payload.AsSpan(1));
        return payload;
    }

    public static RemoteTransportException DecodeRefused(ReadOnlySpan<byte> payload)
    {
        HandshakeRefusalCode code = payload.IsEmpty ? HandshakeRefusalCode.ProtocolError : (HandshakeRefusalCode)payload[0];
        string text = payload.Length > 1 ? Encoding.UTF8.GetString(payload[1..]) : "no reason given";
        return new RemoteTransportException(code, $"the peer refused the handshake ({code}): {text}");
    }

    private static byte[] Proof(ReadOnlySpan<byte> cookie, ReadOnlySpan<byte> label, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> hello, ReadOnlySpan<byte> challenge)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, cookie);
        hmac.AppendData(label);
        hmac.AppendData(nonce);
        hmac.AppendData(hello);
        hmac.AppendData(challenge);
        return hmac.GetHashAndReset();
    }

    private static string DecodeName(ReadOnlySpan<byte> rest, int offset, string frame)
    {
        int length = rest[offset];
        if (length == 0 || rest.Length - offset - 1 != length)
        {
            throw ProtocolErrors.Violation($"{frame} carries a malformed system name");
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(rest.Slice(offset + 1, length));
        }
        catch (DecoderFallbackException)
        {
            throw ProtocolErrors.Violation($"{frame} carries a system name that is not UTF-8");
        }
    }
}
