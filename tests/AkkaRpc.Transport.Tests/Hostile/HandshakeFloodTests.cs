using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.TestKit;
using AkkaRpc.Transport.Framing;
using AkkaRpc.Transport.Handshake;
using AkkaRpc.Transport.Tests.Support;
using Xunit.Abstractions;

namespace AkkaRpc.Transport.Tests.Hostile;

/// <summary>
/// Issue 11 item 5: a flood of unauthenticated connections, re-opened as the node closes them, must not keep real
/// clients out, and must not flood the log.
/// </summary>
[Collection(nameof(FloodCollection))]
public abstract class HandshakeFloodTests(TransportKind kind, ITestOutputHelper output) : TransportTestKit(kind, output)
{
    private const int Flooders = 1100;

    [Fact]
    public async Task FloodOfSilentAndGarbageConnections_ARealClientConnectsAndAsks_AndTheLogStaysSmall()
    {
        (ActorSystem nodeSystem, Address node) = StartNode();
        IActorRef warnings = CountWarnings(nodeSystem, "AkkaRpc.Transport");
        using var stop = new CancellationTokenSource();
        long opened = 0;

        // Half the flooders stay silent until the node closes them, half send garbage; each reconnects at once, for a
        // bounded number of rounds and until the test stops them.
        Task[] flood = [.. Enumerable.Range(0, Flooders).Select(i => Task.Run(async () =>
        {
            for (int round = 0; round < 1000 && !stop.IsCancellationRequested; round++)
            {
                try
                {
                    using Socket socket = NewSocket(node);
                    await socket.ConnectAsync(FakePeer.EndPointOf(node), stop.Token);
                    Interlocked.Increment(ref opened);
                    if (i % 2 == 1)
                    {
                        await socket.SendAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray(), SocketFlags.None, stop.Token);
                    }

                    byte[] buffer = new byte[256];
                    while (await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token) > 0)
                    {
                    }
                }
                catch (SocketException)
                {
                    // Refused or reset: the flooder tries again after a moment, as the flood re-opened what closed.
                    await Task.Delay(10, CancellationToken.None);
                }
                catch (OperationCanceledException)
                {
                    // Stopped by the test.
                }
            }
        }))];

        try
        {
            await AwaitConditionAsync(() => Task.FromResult(Interlocked.Read(ref opened) > 2 * Flooders), TestTime.Seconds(30));

            // Mid-flood, fresh clients connect and ask, one after another, each within a bound.
            for (int client = 0; client < 3; client++)
            {
                await AssertServesClientAsync(node);
            }

        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(flood).WaitAsync(TestTime.Seconds(30));
        }

        // The node refused or dropped thousands of peers; its log holds a handful of lines and summaries, not one each.
        int logged = await warnings.Ask<int>(LogCounter.GetCount.Instance, TestTime.Seconds(5));
        long total = Interlocked.Read(ref opened);
        Assert.True(total > 2 * Flooders && logged is >= 1 and <= 20, $"{total} flood connections; {logged} warnings logged");
        await AssertServesClientAsync(node);
    }

    private static Socket NewSocket(Address node) => FakePeer.EndPointOf(node) is UnixDomainSocketEndPoint
        ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
        : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
}

public sealed class TcpHandshakeFloodTests(ITestOutputHelper output) : HandshakeFloodTests(TransportKind.Tcp, output)
{
    [Fact]
    public async Task OneSourceOverItsShare_AnotherSourceTakesTheSlotOfItsOldestConnection()
    {
        // Over TCP a source is the remote IP; 127.0.0.2 is loopback too, but another source to the node.
        (ActorSystem nodeSystem, Address node) = StartNode(extraSection: """
            handshake-timeout = 30 s
            silent-timeout = 30 s
            max-handshaking-connections = 4
            max-handshaking-per-source = 2
            """);
        TestProbe logs = WatchLogs(nodeSystem);
        List<FakePeer> greedy = [];
        try
        {
            // One source may use free slots beyond its share: here all four, each after a Hello, so none is silent.
            for (int i = 0; i < 4; i++)
            {
                FakePeer peer = await FakePeer.ConnectAsync(node, IPAddress.Loopback);
                greedy.Add(peer);
                await peer.SendFrameAsync(FrameType.Hello, Hello("greedy"));
                Assert.Equal(FrameType.Challenge, (await peer.ReadFrameAsync())?.Type);
            }

            await using FakePeer other = await FakePeer.ConnectAsync(node, IPAddress.Parse("127.0.0.2"));
            await other.SendFrameAsync(FrameType.Hello, Hello("other"));

            Assert.Equal(FrameType.Challenge, (await other.ReadFrameAsync())?.Type);
            Assert.Equal([FrameType.Refused], await greedy[0].ReadUntilClosedAsync());
            ExpectLog(logs, "its source 127.0.0.1 held more than its share of 2 handshake slots (max-handshaking-per-source) when 127.0.0.2 needed one");
        }
        finally
        {
            foreach (FakePeer peer in greedy)
            {
                await peer.DisposeAsync();
            }
        }

        await AssertServesClientAsync(node);
    }

    private byte[] Hello(string system) =>
        HandshakeMessages.EncodeHello(HandshakeMessages.ProtocolVersion, 65536, new byte[32], new Address(Kind.Scheme, system, "127.0.0.1", 1));
}

public sealed class UnixHandshakeFloodTests(ITestOutputHelper output) : HandshakeFloodTests(TransportKind.Unix, output);
