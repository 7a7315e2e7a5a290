using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Akka.Actor;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Framing;

namespace AkkaRpc.Transport.Handshake;

/// <summary>
/// Encodes and decodes handshake frame payloads (all integers little-endian):
/// <list type="bullet">
/// <item>Hello: <c>"AKRP"</c>, u16 version, u32 max frame size, 32-byte client nonce, u16 length, UTF-8 client address.</item>
/// <item>Challenge: u16 version, u32 max frame size, 32-byte server nonce, u16 length, UTF-8 server address, 32-byte server proof.</item>
/// <item>ClientProof: 32-byte client proof. Accepted: empty. Refused: u8 <see cref="RefusalCode"/>, UTF-8 message.</item>
/// </list>
/// The transcript is the Hello payload followed by the Challenge payload without its trailing proof.
/// Server proof = HMAC-SHA256(cookie, "AKRP server proof" ‖ client nonce ‖ transcript);
/// client proof = HMAC-SHA256(cookie, "AKRP client proof" ‖ server nonce ‖ transcript).
/// The labels differ so one side's proof can never be replayed as the other's; the cookie never crosses the wire.
/// </summary>
internal static class HandshakeMessages
{
    /// <summary>Version 2: addresses instead of system names and node uids (version 1 was the pre-Akka transport).</summary>
    public const ushort ProtocolVersion = 2;

    public const int NonceSize = 32;
    public const int ProofSize = 32;
    public const int MaxRefusalMessageBytes = 512;

    /// <summary>Room for the address in a frame under the handshake limit.</summary>
    public const int MaxAddressBytes = 900;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Magic => "AKRP"u8;

    private static ReadOnlySpan<byte> ServerLabel => "AKRP server proof"u8;

    private static ReadOnlySpan<byte> ClientLabel => "AKRP client proof"u8;

    public static byte[] EncodeHello(ushort version, int maxFrameSize, ReadOnlySpan<byte> nonce, Address address)
    {
        byte[] text = EncodeAddress(address);
        byte[] payload = new byte[4 + 2 + 4 + NonceSize + 2 + text.Length];
        Magic.CopyTo(payload);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(4), version);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(6), maxFrameSize);
        nonce.CopyTo(payload.AsSpan(10));
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(10 + NonceSize), (ushort)text.Length);
        text.CopyTo(payload.AsSpan(12 + NonceSize));
        return payload;
    }

    /// <summary>Decodes a Hello; a payload without the magic means the peer is not an AkkaRpc node.</summary>
    public static (ushort Version, int MaxFrameSize, byte[] Nonce, Address? Address) DecodeHello(ReadOnlySpan<byte> payload, string scheme)
    {
        if (payload.Length < 6 || !payload[..4].SequenceEqual(Magic))
        {
            throw ProtocolErrors.Violation("the first frame is not an AkkaRpc Hello (bad magic); the peer does not speak the AkkaRpc protocol");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(payload[4..]);
        if (version != ProtocolVersion)
        {
            // Only the version is read, so a newer layout still gets a proper version refusal.
            return (version, 0, [], null);
        }

        if (payload.Length < 12 + NonceSize)
        {
            throw ProtocolErrors.Violation($"Hello of {payload.Length} bytes is too short");
        }

        int maxFrame = BinaryPrimitives.ReadInt32LittleEndian(payload[6..]);
        byte[] nonce = payload.Slice(10, NonceSize).ToArray();
        Address address = DecodeAddress(payload[(10 + NonceSize)..], scheme, "Hello");
        return (version, maxFrame, nonce, address);
    }

    public static byte[] EncodeChallengeWithoutProof(ushort version, int maxFrameSize, ReadOnlySpan<byte> nonce, Address address)
    {
        byte[] text = EncodeAddress(address);
        byte[] payload = new byte[2 + 4 + NonceSize + 2 + text.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(payload, version);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(2), maxFrameSize);
        nonce.CopyTo(payload.AsSpan(6));
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(6 + NonceSize), (ushort)text.Length);
        text.CopyTo(payload.AsSpan(8 + NonceSize));
        return payload;
    }

    public static (ushort Version, int MaxFrameSize, byte[] Nonce, Address? Address, byte[] WithoutProof, byte[] Proof) DecodeChallenge(ReadOnlySpan<byte> payload, string scheme)
    {
        if (payload.Length < 2)
        {
            throw ProtocolErrors.Violation("Challenge frame is empty");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        if (version != ProtocolVersion)
        {
            return (version, 0, [], null, [], []);
        }

        if (payload.Length < 8 + NonceSize + ProofSize)
        {
            throw ProtocolErrors.Violation($"Challenge of {payload.Length} bytes is too short");
        }

        int maxFrame = BinaryPrimitives.ReadInt32LittleEndian(payload[2..]);
        byte[] nonce = payload.Slice(6, NonceSize).ToArray();
        Address address = DecodeAddress(payload[(6 + NonceSize)..^ProofSize], scheme, "Challenge");
        return (version, maxFrame, nonce, address, payload[..^ProofSize].ToArray(), payload[^ProofSize..].ToArray());
    }

    public static byte[] ServerProof(ReadOnlySpan<byte> cookie, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> hello, ReadOnlySpan<byte> challengeWithoutProof) =>
        Proof(cookie, ServerLabel, clientNonce, hello, challengeWithoutProof);

    public static byte[] ClientProof(ReadOnlySpan<byte> cookie, ReadOnlySpan<byte> serverNonce, ReadOnlySpan<byte> hello, ReadOnlySpan<byte> challengeWithoutProof) =>
        Proof(cookie, ClientLabel, serverNonce, hello, challengeWithoutProof);

    public static byte[] EncodeRefused(RefusalCode code, string message)
    {
        byte[] text = Encoding.UTF8.GetBytes(message);
        int length = Math.Min(text.Length, MaxRefusalMessageBytes);
        byte[] payload = new byte[1 + length];
        payload[0] = (byte)code;
        text.AsSpan(0, length).CopyTo(payload.AsSpan(1));
        return payload;
    }

    public static ConnectionException DecodeRefused(ReadOnlySpan<byte> payload)
    {
        RefusalCode code = payload.IsEmpty ? RefusalCode.ProtocolError : (RefusalCode)payload[0];
        string text = payload.Length > 1 ? Encoding.UTF8.GetString(payload[1..]) : "no reason given";
        return new ConnectionException(code, $"the peer refused the handshake ({code}): {text}");
    }

    private static byte[] EncodeAddress(Address address)
    {
        byte[] text = Encoding.UTF8.GetBytes(address.ToString());
        return text.Length <= MaxAddressBytes
            ? text
            : throw new InvalidOperationException($"The address {address} is longer than {MaxAddressBytes} bytes; use a shorter socket path or system name.");
    }

    private static Address DecodeAddress(ReadOnlySpan<byte> rest, string scheme, string frame)
    {
        if (rest.Length < 2)
        {
            throw ProtocolErrors.Violation($"{frame} carries no address");
        }

        int length = BinaryPrimitives.ReadUInt16LittleEndian(rest);
        if (length == 0 || length > MaxAddressBytes || rest.Length - 2 != length)
        {
            throw ProtocolErrors.Violation($"{frame} carries a malformed address");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(rest.Slice(2, length));
        }
        catch (DecoderFallbackException)
        {
            throw ProtocolErrors.Violation($"{frame} carries an address that is not UTF-8");
        }

        if (!Address.TryParse(text, out Address? address) || address.Protocol != scheme || address.Port is null)
        {
            throw ProtocolErrors.Violation($"{frame} carries '{text}', which is not a {scheme} address");
        }

        return address;
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
}
