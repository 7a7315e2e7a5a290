using System.Buffers.Binary;
using Akka.Actor;
using Akka.TestKit;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Framing;
using AkkaRpc.Transport.Tests.Support;
using Xunit.Abstractions;

namespace AkkaRpc.Transport.Tests.Hostile;

/// <summary>
/// Issue 11 item 4, transport part: authenticated peers that send a large frame's header and then trickle or stop
/// hold at most the node-wide budget, and only until partial-frame-timeout; real clients are served throughout.
/// </summary>
[Collection(nameof(FloodCollection))]
public abstract class StalledFrameTests(TransportKind kind, ITestOutputHelper output) : TransportTestKit(kind, output)
{
    private const int FrameSize = 16 * 1024 * 1024;
    private const long Budget = 64L * 1024 * 1024;

    [Fact]
    public async Task TwelveHalfSentLargeFrames_HoldAtMostTheBudget_AndAreClosedAfterTheTimeout()
    {
        (ActorSystem nodeSystem, Address node) = StartNode(extraSection: $"""
            max-inbound-buffered-bytes = {Budget}b
            partial-frame-timeout = 3 s
            """);
        TestProbe logs = WatchLogs(nodeSystem);
        TransportCore core = Assert.Single(AkkaRpcTransportExtension.Get(nodeSystem).Transports);
        ActorSystem bystander = StartSystem("bystander", listen: false);
        Assert.Equal("before", await EchoOf(bystander, node).Ask<string>("before", TestTime.Seconds(10)));
        byte[] cookie = await CookieAsync();
        byte[] half = new byte[FrameSize / 2];
        byte[] header = new byte[FrameLayout.HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, FrameSize);
        header[4] = (byte)FrameType.Pdu;

        List<FakePeer> peers = [];
        List<Task> sends = [];
        try
        {
            for (int i = 0; i < 12; i++)
            {
                FakePeer peer = await FakePeer.ConnectAsync(node);
                peers.Add(peer);
                await peer.AssociateAsync(nodeSystem, cookie, new Address(Kind.Scheme, $"stall{i}", "127.0.0.1", i + 1));
                await peer.SendAsync(header);

                // Not awaited: a peer whose frame waits for the budget is not read, so its send blocks.
                sends.Add(Task.Run(() => peer.SendAsync(half)));
            }

            // Three frames fit the budget; the other nine wait with their sockets unread.
            await AwaitAssertAsync(
                () => Assert.Equal(3 * (FrameSize + (long)FrameLayout.HeaderSize), core.Budget.Reserved),
                TestTime.Seconds(20),
                TimeSpan.FromMilliseconds(50));
            long held = core.Handles.Where(h => h.IsInbound).Sum(h => h.Connection.BytesReceived);
            Assert.True(held <= Budget + (12 * 1024 * 1024), $"the node read {held} bytes; its budget is {Budget}");

            // A real client is served while the budget is spent.
            Assert.Equal("during", await EchoOf(bystander, node).Ask<string>("during", TestTime.Seconds(10)));

            // Each round of three is closed after the timeout, and the next three get the budget.
            // (What the node sent them before closing is Akka.Remote's own: its handshake reply and heartbeats.)
            foreach (FakePeer peer in peers)
            {
                Assert.All(await peer.ReadUntilClosedAsync(), frame => Assert.Equal(FrameType.Pdu, frame));
            }

            ExpectLog(logs, $"a {FrameSize + FrameLayout.HeaderSize}-byte frame stalled");
            ExpectLog(logs, "(partial-frame-timeout)");
            await AwaitAssertAsync(() => Assert.Equal(0, core.Budget.Reserved), TestTime.Seconds(10), TimeSpan.FromMilliseconds(50));
        }
        finally
        {
            foreach (FakePeer peer in peers)
            {
                await peer.DisposeAsync();
            }

            await Task.WhenAll(sends.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        Assert.Equal("after", await EchoOf(bystander, node).Ask<string>("after", TestTime.Seconds(10)));
        await AssertServesClientAsync(node);
    }

    [Fact]
    public async Task ALargeFrameThatKeepsArriving_IsNotTimedOut_ThoughItTakesLongerThanTheTimeout()
    {
        (ActorSystem nodeSystem, Address node) = StartNode(extraSection: $"partial-frame-timeout = {TestTime.Seconds(2).TotalMilliseconds:0}ms");
        TestProbe logs = WatchLogs(nodeSystem);
        TransportCore core = Assert.Single(AkkaRpcTransportExtension.Get(nodeSystem).Transports);
        await using FakePeer peer = await FakePeer.ConnectAsync(node);
        await peer.AssociateAsync(nodeSystem, await CookieAsync(), new Address(Kind.Scheme, "steady", "127.0.0.1", 1));
        byte[] frame = FakePeer.Frame((byte)FrameType.Pdu, new byte[4 * 1024 * 1024]);

        // 1 MiB every 900 ms (the peer's pace, not a wait for the node): 3.6 s in all, each step well within the 2 s.
        for (int offset = 0; offset < frame.Length; offset += 1024 * 1024)
        {
            await peer.SendAsync(frame.AsMemory(offset, Math.Min(1024 * 1024, frame.Length - offset)));
            await Task.Delay(900);
        }

        // The whole frame reached Akka (its reservation ended with it), and nothing stalled on the way.
        await AwaitAssertAsync(() => Assert.Equal(0, core.Budget.Reserved), TestTime.Seconds(10), TimeSpan.FromMilliseconds(50));
        List<string> logged = [];
        for (int i = 0; i < 100_000 && logs.HasMessages; i++)
        {
            logged.Add($"{(logs.ReceiveOne(TimeSpan.Zero) as Akka.Event.LogEvent)?.Message}");
        }

        Assert.DoesNotContain(logged, line => line.Contains("stalled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATrickle_OneByteAtATime_DoesNotKeepAFrameAlive()
    {
        (ActorSystem nodeSystem, Address node) = StartNode(extraSection: "partial-frame-timeout = 1 s");
        TestProbe logs = WatchLogs(nodeSystem);
        await using FakePeer peer = await FakePeer.ConnectAsync(node);
        await peer.AssociateAsync(nodeSystem, await CookieAsync(), new Address(Kind.Scheme, "trickle", "127.0.0.1", 1));
        byte[] frame = FakePeer.Frame((byte)FrameType.Pdu, new byte[1000]);

        // One byte every 100 ms: progress, but far under the 1 MiB (or the frame's rest) each second asks for.
        Task trickle = Task.Run(async () =>
        {
            for (int i = 0; i < 200; i++)
            {
                await peer.SendAsync(frame.AsMemory(i, 1));
                await Task.Delay(100);
            }
        });

        ExpectLog(logs, "frame stalled", seconds: 15);
        await Assert.ThrowsAnyAsync<Exception>(() => trickle.WaitAsync(TestTime.Seconds(30)));
        await AssertServesClientAsync(node);
    }
}

public sealed class TcpStalledFrameTests(ITestOutputHelper output) : StalledFrameTests(TransportKind.Tcp, output);

public sealed class UnixStalledFrameTests(ITestOutputHelper output) : StalledFrameTests(TransportKind.Unix, output);
