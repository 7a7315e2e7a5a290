using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Akka.Actor;
using AkkaRpc.Transport.Framing;
using AkkaRpc.Transport.Handshake;

namespace AkkaRpc.Transport.Tests.Support;

/// <summary>A client that speaks raw bytes, so tests can send exactly what a broken or hostile peer would.</summary>
internal sealed class FakePeer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly List<byte> _pending = [];

    private FakePeer(Socket socket) => _socket = socket;

    /// <summary>
    /// Connects to the node listening at <paramref name="address"/> (an rpc.tcp or rpc.unix address); over TCP,
    /// <paramref name="from"/> picks the local address (another loopback address is another source to the node).
    /// </summary>
    public static async Task<FakePeer> ConnectAsync(Address address, IPAddress? from = null)
    {
        EndPoint endPoint = EndPointOf(address);
        Socket socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (from is not null)
        {
            socket.Bind(new IPEndPoint(from, 0));
        }

        using var cts = new CancellationTokenSource(TestTime.Seconds(10));
        await socket.ConnectAsync(endPoint, cts.Token);
        return new FakePeer(socket);
    }

    public static EndPoint EndPointOf(Address address) =>
        UnixSocketAddress.TryGetSocketPath(address, out string? path)
            ? new UnixDomainSocketEndPoint(path)
            : new IPEndPoint(IPAddress.Parse(address.Host!), address.Port!.Value);

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
        using var cts = new CancellationTokenSource(TestTime.Seconds(20));
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

    /// <summary>Reads until the node closes the connection; returns the frame types seen on the way.</summary>
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
    public async Task<(FrameType Type, byte[] Payload)?> HandshakeAsync(
        byte[] cookie, string scheme, ushort version = HandshakeMessages.ProtocolVersion, Address? self = null)
    {
        byte[] nonce = RandomNumberGenerator.GetBytes(HandshakeMessages.NonceSize);
        byte[] hello = HandshakeMessages.EncodeHello(version, 1024 * 1024, nonce, self ?? new Address(scheme, "fake", "127.0.0.1", 1));
        await SendFrameAsync(FrameType.Hello, hello);
        (FrameType Type, byte[] Payload)? challenge = await ReadFrameAsync();
        if (challenge is not { Type: FrameType.Challenge })
        {
            return challenge;
        }

        var decoded = HandshakeMessages.DecodeChallenge(challenge.Value.Payload, scheme);
        await SendFrameAsync(FrameType.ClientProof, HandshakeMessages.ClientProof(cookie, decoded.Nonce, hello, decoded.WithoutProof));
        return await ReadFrameAsync();
    }

    /// <summary>
    /// Passes our handshake and then Akka.Remote's (its Associate PDU, as <paramref name="self"/>), so the node holds an
    /// association that lives past Akka's handshake timeout; the peer then sends what the test wants.
    /// </summary>
    public async Task AssociateAsync(ActorSystem codecSystem, byte[] cookie, Address self)
    {
        (FrameType Type, byte[] Payload)? answer = await HandshakeAsync(cookie, self.Protocol, self: self);
        if (answer?.Type != FrameType.Accepted)
        {
            throw new InvalidOperationException($"the node did not accept the fake peer: {answer?.Type}");
        }

        // Akka.Remote's PDU codec is internal; reflection builds the same bytes a real Akka.Remote peer sends.
        System.Reflection.Assembly remote = typeof(Akka.Remote.RemoteSettings).Assembly;
        Type codecType = remote.GetType("Akka.Remote.Transport.AkkaPduProtobuffCodec", throwOnError: true)!;
        Type infoType = remote.GetType("Akka.Remote.Transport.HandshakeInfo", throwOnError: true)!;
        object codec = Activator.CreateInstance(codecType, codecSystem)!;
        // The origin is the transport's own address: Akka.Remote adds its "akka." prefix when it reads it.
        object info = Activator.CreateInstance(infoType, self, Random.Shared.Next(1, int.MaxValue))!;
        var associate = (Google.Protobuf.ByteString)codecType.GetMethod("ConstructAssociate")!.Invoke(codec, [info])!;
        await SendFrameAsync(FrameType.Pdu, associate.Span);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
