using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using AkkaRpc.Remote.Framing;
using AkkaRpc.Remote.Handshake;

namespace AkkaRpc.Remote.Tests.Support;

/// <summary>A client that speaks raw bytes, so tests can send exactly what a broken or hostile peer would.</summary>
internal sealed class FakePeer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly List<byte> _pending = [];

    private FakePeer(Socket socket) => _socket = socket;

    public static async Task<FakePeer> ConnectAsync(EndPoint endPoint)
    {
        Socket socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(TestTimeouts.Ceiling);
        await socket.ConnectAsync(endPoint, cts.Token);
        return new FakePeer(socket);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            int sent = await _socket.SendAsync(bytes, SocketFlags.None);
            bytes = bytes[sent..];
        }
    }

    public Task SendFrameAsync(FrameType type, ReadOnlySpan<byte> payload) => SendAsync(Frame((byte)type, payload));

    public static byte[] Frame(byte type, ReadOnlySpan<byte> payload)
    {
        byte[] frame = new byte[FrameLayout.HeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        frame[4] = type;
        payload.CopyTo(frame.AsSpan(FrameLayout.HeaderSize));
        return frame;
    }

    public void ShutdownWrite() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Reads the next whole frame, or null when the node closed (FIN or reset) first.</summary>
    public async Task<(FrameType Type, byte[] Payload)?> ReadFrameAsync()
    {
        using var cts = new CancellationTokenSource(TestTimeouts.Ceiling);
        byte[] buffer = new byte[64 * 1024];
        while (true)
        {
            if (_pending.Count >= FrameLayout.HeaderSize)
            {
                int length = (int)BinaryPrimitives.ReadUInt32LittleEndian([.. _pending.Take(4)]);
                if (_pending.Count >= FrameLayout.HeaderSize + length)
                {
                    var type = (FrameType)_pending[4];
                    byte[] payload = [.. _pending.Skip(FrameLayout.HeaderSize).Take(length)];
                    _pending.RemoveRange(0, FrameLayout.HeaderSize + length);
                    return (type, payload);
                }
            }

            int received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            }
            catch (SocketException)
            {
                return null;
            }

            if (received == 0)
            {
                return null;
            }

            _pending.AddRange(buffer.AsSpan(0, received).ToArray());
        }
    }

    /// <summary>Reads until the node closes the connection; returns the frames seen on the way.</summary>
    public async Task<List<FrameType>> ReadUntilClosedAsync()
    {
        List<FrameType> frames = [];
        for (int i = 0; i < 100_000; i++)
        {
            (FrameType Type, byte[] Payload)? frame = await ReadFrameAsync();
            if (frame is null)
            {
                return frames;
            }

            frames.Add(frame.Value.Type);
        }

        throw new InvalidOperationException("The node kept sending frames.");
    }

    /// <summary>Runs the client half of the handshake with <paramref name="cookie"/>; returns the node's last frame.</summary>
    public async Task<(FrameType Type, byte[] Payload)?> HandshakeAsync(byte[] cookie, ushort version = RemoteTransportOptions.ProtocolVersion)
    {
        byte[] nonce = RandomNumberGenerator.GetBytes(HandshakeMessages.NonceSize);
        byte[] hello = HandshakeMessages.EncodeHello(version, 1024 * 1024, 42, nonce, "fake");
        await SendFrameAsync(FrameType.Hello, hello);
        (FrameType Type, byte[] Payload)? challenge = await ReadFrameAsync();
        if (challenge is not { Type: FrameType.Challenge })
        {
            return challenge;
        }

        PeerChallenge decoded = HandshakeMessages.DecodeChallenge(challenge.Value.Payload);
        await SendFrameAsync(FrameType.ClientProof, HandshakeMessages.ClientProof(cookie, decoded.Nonce, hello, decoded.WithoutProof));
        return await ReadFrameAsync();
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
