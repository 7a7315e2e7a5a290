using System.Buffers.Binary;
using AkkaRpc.Remote.Framing;
using AkkaRpc.Remote.Handshake;
using AkkaRpc.Remote.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AkkaRpc.Remote.Tests;

/// <summary>
/// Hostile and broken peers, played by <see cref="FakePeer"/>: each must close only its own connection,
/// leave a logged reason, and leave the listener serving a normal client.
/// </summary>
public abstract partial class TransportContractTests
{
    [Fact]
    public async Task GarbageBeforeHandshake_HttpRequest_ClosedWithLoggedReason()
    {
        await using TransportListener listener = await StartListenerAsync();
        await using FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint);

        await peer.SendAsync("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray());

        Assert.Equal([FrameType.Refused], await peer.ReadUntilClosedAsync());
        await Logs.WaitForAsync("does not speak the AkkaRpc protocol");
        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task GarbageBeforeHandshake_RandomBytes_ClosedWithLoggedReason()
    {
        await using TransportListener listener = await StartListenerAsync();
        await using FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint);
        byte[] garbage = new byte[300];
        new Random(1).NextBytes(garbage);

        // A well-formed Hello frame header around random bytes: only the magic check can catch it.
        await peer.SendFrameAsync(FrameType.Hello, garbage);

        Assert.Equal([FrameType.Refused], await peer.ReadUntilClosedAsync());
        await Logs.WaitForAsync("not an AkkaRpc Hello (bad magic)");
        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task WrongCookie_FakeClient_RefusedWithBadCookie()
    {
        await using TransportListener listener = await StartListenerAsync();
        await using FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint);

        (FrameType Type, byte[] Payload)? answer = await peer.HandshakeAsync(new byte[RemoteCookie.Size]);

        Assert.Equal(FrameType.Refused, answer?.Type);
        Assert.Equal((byte)HandshakeRefusalCode.BadCookie, answer!.Value.Payload[0]);
        Assert.Empty(await peer.ReadUntilClosedAsync());
        await Logs.WaitForAsync("the client's proof did not verify");
        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task WrongProtocolVersion_RefusedWithVersionMismatch()
    {
        await using TransportListener listener = await StartListenerAsync();
        await using FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint);

        (FrameType Type, byte[] Payload)? answer = await peer.HandshakeAsync(await CookieAsync(), version: 99);

        Assert.Equal(FrameType.Refused, answer?.Type);
        Assert.Equal((byte)HandshakeRefusalCode.VersionMismatch, answer!.Value.Payload[0]);
        await Logs.WaitForAsync("this node speaks protocol version 1, the client 99");
        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task OversizedFrame_DuringHandshake_ClosedBeforeReadingPayload()
    {
        await using TransportListener listener = await StartListenerAsync();
        await using FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint);
        byte[] header = new byte[FrameLayout.HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, uint.MaxValue);
        header[4] = (byte)FrameType.Hello;

        await peer.SendAsync(header);

        Assert.Equal([FrameType.Refused], await peer.ReadUntilClosedAsync());
        await Logs.WaitForAsync($"frame of {uint.MaxValue} bytes exceeds the maximum {FrameLayout.HandshakeMaxFrameSize}");
        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task OversizedFrame_AfterHandshake_ClosesOnlyThatConnection()
    {
        await using TransportListener listener = await StartListenerAsync(o => o.MaxFrameSize = 64 * 1024);
        (RemoteConnection bystander, RemoteConnection bystanderServer) = await ConnectPairAsync(listener);
        await using FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint);
        Assert.Equal(FrameType.Accepted, (await peer.HandshakeAsync(await CookieAsync()))?.Type);
        RemoteConnection server = await AcceptAsync(listener);
        byte[] header = new byte[FrameLayout.HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (64 * 1024) + 1);
        header[4] = (byte)FrameType.Message;

        await peer.SendAsync(header);

        RemoteTransportException reason = await ClosedAsync(server);
        Assert.Equal(TransportFailureKind.FrameTooLarge, reason.Kind);
        Assert.Equal($"frame of {(64 * 1024) + 1} bytes exceeds the maximum {64 * 1024}", reason.Message);
        await Logs.WaitForAsync("frame of 65537 bytes exceeds the maximum 65536");
        Assert.Empty(await peer.ReadUntilClosedAsync());

        await using (bystander)
        await using (bystanderServer)
        {
            await bystander.SendAsync("still here"u8.ToArray());
            Assert.Equal("still here"u8.ToArray(), await ReceiveAsync(bystanderServer));
        }

        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task TruncatedFrame_ThenWriteSideShutdown_ClosedWithLoggedReason()
    {
        await using TransportListener listener = await StartListenerAsync();
        await using FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint);
        Assert.Equal(FrameType.Accepted, (await peer.HandshakeAsync(await CookieAsync()))?.Type);
        RemoteConnection server = await AcceptAsync(listener);

        byte[] frame = FakePeer.Frame((byte)FrameType.Message, new byte[100]);
        await peer.SendAsync(frame.AsMemory(0, 40));
        peer.ShutdownWrite();

        RemoteTransportException reason = await ClosedAsync(server);
        Assert.Equal(TransportFailureKind.ProtocolViolation, reason.Kind);
        await Logs.WaitForAsync("in the middle of a frame (40 bytes");
        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task HandshakeThatNeverFinishes_TimesOut()
    {
        var clock = new FakeTimeProvider();
        await using TransportListener listener = await StartListenerAsync(o => o.TimeProvider = clock);
        await using FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint);

        // Half a Hello, then silence.
        await peer.SendAsync(FakePeer.Frame((byte)FrameType.Hello, new byte[60]).AsMemory(0, 20));
        await Logs.WaitForAsync("started (timeout 00:00:05)");
        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Empty(await peer.ReadUntilClosedAsync());
        await Logs.WaitForAsync("the handshake did not finish within 5 s");
        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task MoreConnectionsThanTheCap_ExtraOneToldWhyAndClosed()
    {
        await using TransportListener listener = await StartListenerAsync(o => o.MaxConnections = 2);
        (RemoteConnection client1, RemoteConnection server1) = await ConnectPairAsync(listener);
        (RemoteConnection client2, RemoteConnection server2) = await ConnectPairAsync(listener);
        await using (client2)
        await using (server2)
        {
            await using (FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint))
            {
                (FrameType Type, byte[] Payload)? refused = await peer.ReadFrameAsync();
                Assert.Equal(FrameType.Refused, refused?.Type);
                Assert.Equal((byte)HandshakeRefusalCode.TooManyConnections, refused!.Value.Payload[0]);
                Assert.Empty(await peer.ReadUntilClosedAsync());
            }

            var error = await Assert.ThrowsAsync<RemoteTransportException>(() => ConnectAsync(listener));
            Assert.Equal(HandshakeRefusalCode.TooManyConnections, error.RefusalCode);
            Assert.True(error.IsTransient);
            await Logs.WaitForAsync("maximum of 2 connections");

            // Freeing a slot lets the next client in.
            await client1.DisposeAsync();
            await ClosedAsync(server1);
            await AssertServesNormalClientAsync(listener);
        }
    }

    [Fact]
    public async Task SlowReader_PastQueuedByteCap_Disconnected()
    {
        await using TransportListener listener = await StartListenerAsync(o =>
        {
            o.MaxFrameSize = 64 * 1024;
            o.MaxMessageSize = 256 * 1024;
            o.MaxQueuedBytesPerConnection = 1024 * 1024;
        });
        await using FakePeer peer = await FakePeer.ConnectAsync(listener.LocalEndPoint);
        Assert.Equal(FrameType.Accepted, (await peer.HandshakeAsync(await CookieAsync()))?.Type);
        RemoteConnection server = await AcceptAsync(listener);

        // The fake peer never reads: socket buffers fill, then the outbound queue passes the cap.
        byte[] message = new byte[60 * 1024];
        RemoteTransportException? error = null;
        for (int i = 0; i < 20_000 && error is null; i++)
        {
            try
            {
                await server.SendAsync(message);
            }
            catch (RemoteTransportException ex)
            {
                error = ex;
            }
        }

        Assert.Equal(TransportFailureKind.SlowReader, error?.Kind);
        Assert.Equal(TransportFailureKind.SlowReader, (await ClosedAsync(server)).Kind);
        await Logs.WaitForAsync("the peer is not reading");
        await AssertServesNormalClientAsync(listener);
    }

    private Task<byte[]> CookieAsync() => RemoteCookie.LoadOrCreateAsync(CookiePath);
}
