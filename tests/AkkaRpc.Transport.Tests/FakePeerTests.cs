using System.Buffers.Binary;
using Akka.Actor;
using Akka.TestKit;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Framing;
using AkkaRpc.Transport.Handshake;
using AkkaRpc.Transport.Tests.Support;
using Xunit.Abstractions;

namespace AkkaRpc.Transport.Tests;

/// <summary>
/// Hostile and broken peers, played by <see cref="FakePeer"/> against a real node: each must close only its own
/// connection, leave a logged reason, and leave the node serving a normal client in the same process.
/// </summary>
public abstract class FakePeerTests(TransportKind kind, ITestOutputHelper output) : TransportTestKit(kind, output)
{
    private const string Limits = """
        maximum-frame-size = 64 KiB
        handshake-timeout = 1 s
        max-handshaking-connections = 2
        """;

    private (ActorSystem Node, Address Address, TestProbe Logs) StartWatchedNode()
    {
        (ActorSystem node, Address address) = StartNode(extraSection: Limits);
        return (node, address, WatchLogs(node));
    }

    /// <summary>
    /// A fresh peer does <paramref name="misbehave"/>; the node must answer with a Refused frame and close, log
    /// <paramref name="logged"/>, and then still serve a normal client.
    /// </summary>
    private async Task AssertRefusedAndLoggedAsync(Func<FakePeer, Task> misbehave, string logged)
    {
        (_, Address node, TestProbe logs) = StartWatchedNode();
        await using FakePeer peer = await FakePeer.ConnectAsync(node);

        await misbehave(peer);

        Assert.Equal([FrameType.Refused], await peer.ReadUntilClosedAsync());
        ExpectLog(logs, logged);
        await AssertServesClientAsync(node);
    }

    private async Task<FakePeer> AuthenticatedPeerAsync(Address node)
    {
        FakePeer peer = await FakePeer.ConnectAsync(node);
        Assert.Equal(FrameType.Accepted, (await peer.HandshakeAsync(await CookieAsync(), Kind.Scheme))?.Type);
        return peer;
    }

    [Fact]
    public Task Garbage_HttpRequest_RefusedClosedAndLogged() => AssertRefusedAndLoggedAsync(
        peer => peer.SendAsync("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray()),
        "does not speak the AkkaRpc protocol");

    [Fact]
    public Task Garbage_RandomBytesInAHelloFrame_RefusedClosedAndLogged()
    {
        byte[] garbage = new byte[300];
        new Random(1).NextBytes(garbage);
        return AssertRefusedAndLoggedAsync(peer => peer.SendFrameAsync(FrameType.Hello, garbage), "not an AkkaRpc Hello (bad magic)");
    }

    [Fact]
    public async Task WrongHmac_RefusedWithBadCookie()
    {
        (_, Address node, TestProbe logs) = StartWatchedNode();
        await using FakePeer peer = await FakePeer.ConnectAsync(node);

        (FrameType Type, byte[] Payload)? answer = await peer.HandshakeAsync(new byte[32], Kind.Scheme);

        Assert.Equal(FrameType.Refused, answer?.Type);
        Assert.Equal((byte)RefusalCode.BadCookie, answer!.Value.Payload[0]);
        Assert.Empty(await peer.ReadUntilClosedAsync());
        ExpectLog(logs, "the client's proof did not verify");
        await AssertServesClientAsync(node);
    }

    [Fact]
    public async Task WrongProtocolVersion_RefusedWithVersionMismatch()
    {
        (_, Address node, TestProbe logs) = StartWatchedNode();
        await using FakePeer peer = await FakePeer.ConnectAsync(node);

        (FrameType Type, byte[] Payload)? answer = await peer.HandshakeAsync(await CookieAsync(), Kind.Scheme, version: 99);

        Assert.Equal(FrameType.Refused, answer?.Type);
        Assert.Equal((byte)RefusalCode.VersionMismatch, answer!.Value.Payload[0]);
        ExpectLog(logs, "this side speaks protocol version 2, the client 99");
        await AssertServesClientAsync(node);
    }

    [Fact]
    public Task OversizedFrame_BeforeAuthentication_RefusedBeforeItsPayloadIsRead()
    {
        byte[] header = new byte[FrameLayout.HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, uint.MaxValue);
        header[4] = (byte)FrameType.Hello;
        return AssertRefusedAndLoggedAsync(
            peer => peer.SendAsync(header), $"frame of {uint.MaxValue} bytes exceeds the maximum {FrameLayout.HandshakeMaxFrameSize}");
    }

    [Fact]
    public Task AkkaFrame_BeforeAuthentication_IsNotAccepted() => AssertRefusedAndLoggedAsync(
        peer => peer.SendFrameAsync(FrameType.Pdu, "an Akka PDU"u8), "expected a Hello frame during the handshake but got Pdu");

    [Fact]
    public async Task PreAuthenticationFrameFlood_ClosedAtTheFirstFrameOutOfTurn()
    {
        (_, Address node, TestProbe logs) = StartWatchedNode();
        await using FakePeer peer = await FakePeer.ConnectAsync(node);
        byte[] hello = HandshakeMessages.EncodeHello(HandshakeMessages.ProtocolVersion, 65536, new byte[32], new Address(Kind.Scheme, "flood", "127.0.0.1", 1));
        byte[] flood = [.. Enumerable.Range(0, 200).SelectMany(_ => FakePeer.Frame((byte)FrameType.Hello, hello))];

        // The node may close mid-flood; what was sent by then is all it ever reads.
        try
        {
            await peer.SendAsync(flood);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Reset by the node's close: expected once it has refused.
        }

        List<FrameType> frames = await peer.ReadUntilClosedAsync();
        Assert.Equal(FrameType.Refused, frames[^1]);
        ExpectLog(logs, "expected a ClientProof frame during the handshake but got Hello");
        await AssertServesClientAsync(node);
    }

    [Fact]
    public async Task OversizedFrame_AfterAuthentication_ClosesOnlyThatConnection()
    {
        (ActorSystem nodeSystem, Address node, TestProbe logs) = StartWatchedNode();
        ActorSystem bystander = StartSystem("bystander", listen: false);
        Assert.Equal("before", await EchoOf(bystander, node).Ask<string>("before", TestTime.Seconds(10)));
        await using FakePeer peer = await AuthenticatedPeerAsync(node);
        byte[] header = new byte[FrameLayout.HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (64 * 1024) + 1);
        header[4] = (byte)FrameType.Pdu;

        await peer.SendAsync(header);

        ExpectLog(logs, "frame of 65537 bytes exceeds the maximum 65536");
        Assert.Empty(await peer.ReadUntilClosedAsync());
        Assert.Equal("after", await EchoOf(bystander, node).Ask<string>("after", TestTime.Seconds(10)));
        await AssertServesClientAsync(node);
    }

    [Fact]
    public async Task TruncatedFrame_ThenWriteSideShutdown_ClosedWithLoggedReason()
    {
        (_, Address node, TestProbe logs) = StartWatchedNode();
        await using FakePeer peer = await AuthenticatedPeerAsync(node);
        byte[] frame = FakePeer.Frame((byte)FrameType.Pdu, new byte[100]);

        await peer.SendAsync(frame.AsMemory(0, 40));
        peer.ShutdownWrite();

        ExpectLog(logs, "in the middle of a frame (40 bytes");
        await AssertServesClientAsync(node);
    }

    [Fact]
    public async Task SilentPeer_NeverSpeaks_ClosedWhenTheHandshakeTimesOut()
    {
        (_, Address node, TestProbe logs) = StartWatchedNode();
        await using FakePeer peer = await FakePeer.ConnectAsync(node);

        Assert.Empty(await peer.ReadUntilClosedAsync());
        ExpectLog(logs, "the handshake did not finish within 1 s");
        await AssertServesClientAsync(node);
    }

    [Fact]
    public async Task SlowPeer_HalfAHelloThenNothing_ClosedWhenTheHandshakeTimesOut()
    {
        (_, Address node, TestProbe logs) = StartWatchedNode();
        await using FakePeer peer = await FakePeer.ConnectAsync(node);

        await peer.SendAsync(FakePeer.Frame((byte)FrameType.Hello, new byte[60]).AsMemory(0, 20));

        Assert.Empty(await peer.ReadUntilClosedAsync());
        ExpectLog(logs, "the handshake did not finish within 1 s");
        await AssertServesClientAsync(node);
    }

    [Fact]
    public async Task HalfOpen_AuthenticatedPeerShutsItsWriteSide_ConnectionClosedAndLogged()
    {
        (_, Address node, TestProbe logs) = StartWatchedNode();
        await using FakePeer peer = await AuthenticatedPeerAsync(node);

        peer.ShutdownWrite();

        ExpectLog(logs, "closed: the peer closed the connection");
        Assert.Empty(await peer.ReadUntilClosedAsync());
        await AssertServesClientAsync(node);
    }

    /// <summary>A peer that sends its Hello and reads the Challenge, then stalls: it has spoken, so its slot is not taken.</summary>
    private async Task<FakePeer> StalledAfterHelloAsync(Address node, System.Net.IPAddress? from = null)
    {
        FakePeer peer = await FakePeer.ConnectAsync(node, from);
        byte[] hello = HandshakeMessages.EncodeHello(HandshakeMessages.ProtocolVersion, 65536, new byte[32], new Address(Kind.Scheme, "stalled", "127.0.0.1", 1));
        await peer.SendFrameAsync(FrameType.Hello, hello);
        Assert.Equal(FrameType.Challenge, (await peer.ReadFrameAsync())?.Type);
        return peer;
    }

    private (ActorSystem Node, Address Address) StartPatientNode(string extra = "") =>
        StartNode(extraSection: Limits.Replace("handshake-timeout = 1 s", "handshake-timeout = 30 s\nsilent-timeout = 30 s", StringComparison.Ordinal) + "\n" + extra);

    [Fact]
    public async Task HandshakeSlotsFullOfPeersThatSpoke_TheNextConnectionWaitsForAFreeSlot()
    {
        // Long timeouts, so the two stalled peers hold their slots until the test frees them.
        (ActorSystem nodeSystem, Address node) = StartPatientNode();
        await using FakePeer stalled1 = await StalledAfterHelloAsync(node);
        await using FakePeer stalled2 = await StalledAfterHelloAsync(node);
        await using FakePeer next = await FakePeer.ConnectAsync(node);
        byte[] hello = HandshakeMessages.EncodeHello(HandshakeMessages.ProtocolVersion, 65536, new byte[32], new Address(Kind.Scheme, "next", "127.0.0.1", 1));
        await next.SendFrameAsync(FrameType.Hello, hello);
        Task<(FrameType Type, byte[] Payload)?> answer = next.ReadFrameAsync();

        // Not refused, not served: it waits in the listen backlog while both slots are taken by peers that spoke.
        await AwaitConditionAsync(() => Task.FromResult(Core(nodeSystem).HandshakingConnectionCount == 2), TestTime.Seconds(10));
        Assert.False(answer.IsCompleted);

        await stalled1.DisposeAsync();
        Assert.Equal(FrameType.Challenge, (await answer)?.Type);
    }

    [Fact]
    public async Task HandshakeSlotsFullOfSilentPeers_ANewClientTakesTheOldestSilentOnesSlot()
    {
        (ActorSystem nodeSystem, Address node) = StartPatientNode();
        TestProbe logs = WatchLogs(nodeSystem);
        await using FakePeer silent1 = await FakePeer.ConnectAsync(node);
        await using FakePeer silent2 = await FakePeer.ConnectAsync(node);
        await AwaitConditionAsync(() => Task.FromResult(Core(nodeSystem).HandshakingConnectionCount == 2), TestTime.Seconds(10));

        // A real client speaks at once; it gets in although both slots were taken.
        await AssertServesClientAsync(node);

        Assert.Equal([FrameType.Refused], await silent1.ReadUntilClosedAsync());
        ExpectLog(logs, "it had sent nothing when its handshake slot was given to a newer connection");
    }

    [Fact]
    public async Task SilentPeer_ClosedAfterSilentTimeout_LongBeforeTheHandshakeTimeout()
    {
        (ActorSystem nodeSystem, Address node) = StartNode(extraSection: Limits.Replace("handshake-timeout = 1 s", "handshake-timeout = 60 s\nsilent-timeout = 1 s", StringComparison.Ordinal));
        TestProbe logs = WatchLogs(nodeSystem);
        await using FakePeer peer = await FakePeer.ConnectAsync(node);

        // FakePeer gives up reading after 20 s (dilated), far below the 60 s handshake timeout: only silent-timeout closes it.
        Assert.Equal([FrameType.Refused], await peer.ReadUntilClosedAsync());
        ExpectLog(logs, "the peer sent nothing within silent-timeout of connecting");
        await AssertServesClientAsync(node);
    }

    [Fact]
    public async Task PeersInTheHandshake_DoNotTakeAuthenticatedCapacity()
    {
        // Three stalled handshakes and max-connections = 2: the authenticated places stay free for real clients.
        (_, Address node) = StartPatientNode("max-handshaking-connections = 4\nmax-connections = 2");
        await using FakePeer stalled1 = await StalledAfterHelloAsync(node);
        await using FakePeer stalled2 = await StalledAfterHelloAsync(node);
        await using FakePeer stalled3 = await StalledAfterHelloAsync(node);

        await AssertServesClientAsync(node);
    }

    private static TransportCore Core(ActorSystem system) => Assert.Single(AkkaRpcTransportExtension.Get(system).Transports);
}

public sealed class TcpFakePeerTests(ITestOutputHelper output) : FakePeerTests(TransportKind.Tcp, output);

public sealed class UnixFakePeerTests(ITestOutputHelper output) : FakePeerTests(TransportKind.Unix, output);
