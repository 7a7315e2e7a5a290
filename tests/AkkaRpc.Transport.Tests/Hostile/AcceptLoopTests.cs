using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Framing;
using AkkaRpc.Transport.Handshake;
using AkkaRpc.Transport.Tests.Support;
using Xunit.Abstractions;

namespace AkkaRpc.Transport.Tests.Hostile;

/// <summary>
/// Issue 11 item 3: the accept loop survives running out of file descriptors. The failure is injected at the loop's
/// accept seam (lowering the test host's own descriptor limit would break every test running beside it); the real
/// thing, under <c>prlimit</c>, is in the measurements of the closing note.
/// </summary>
public abstract class AcceptLoopTests(TransportKind kind, ITestOutputHelper output) : TransportTestKit(kind, output)
{
    [Fact]
    public async Task AcceptFailsWithTooManyOpenFiles_TheLoopBacksOffLogsOnceRefusesWithAReasonAndRecovers()
    {
        (ActorSystem nodeSystem, Address node) = StartNode();
        TestProbe logs = WatchLogs(nodeSystem);
        TransportCore core = Assert.Single(AkkaRpcTransportExtension.Get(nodeSystem).Transports);
        ActorSystem existing = StartSystem("existing", listen: false);
        Assert.Equal("before", await EchoOf(existing, node).Ask<string>("before", TestTime.Seconds(10)));

        bool failing = true;
        var failedAt = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        core.AcceptSocket = (socket, token) =>
        {
            if (Volatile.Read(ref failing))
            {
                lock (failedAt)
                {
                    failedAt.Add(clock.Elapsed);
                }

                throw new SocketException((int)SocketError.TooManyOpenSockets);
            }

            return socket.AcceptAsync(token);
        };

        // The loop waits in an accept it began before the seam was set: the next connection ends it, and every
        // accept after that fails.
        await using (FakePeer first = await FakePeer.ConnectAsync(node))
        {
            Assert.Equal(FrameType.Accepted, (await first.HandshakeAsync(await CookieAsync(), Kind.Scheme))?.Type);
        }

        await AwaitConditionAsync(() => Task.FromResult(Count(failedAt) >= 6), TestTime.Seconds(20));

        // Out of descriptors, the node spends its reserved one to tell a waiting client why, instead of leaving it hanging.
        await using (FakePeer waiting = await FakePeer.ConnectAsync(node))
        {
            (FrameType Type, byte[] Payload)? refused = await waiting.ReadFrameAsync();
            Assert.Equal(FrameType.Refused, refused?.Type);
            Assert.Equal((byte)RefusalCode.TooManyConnections, refused!.Value.Payload[0]);
            Assert.Contains("out of file descriptors", Encoding.UTF8.GetString(refused.Value.Payload), StringComparison.Ordinal);
        }

        // The client already connected is served throughout.
        Assert.Equal("during", await EchoOf(existing, node).Ask<string>("during", TestTime.Seconds(10)));

        // The retries back off (10 ms doubling): they do not spin.
        TimeSpan[] times;
        lock (failedAt)
        {
            times = [.. failedAt];
        }

        for (int i = 1; i < 6; i++)
        {
            double expected = Math.Min(10 * Math.Pow(2, i - 1), 1000);
            Assert.True((times[i] - times[i - 1]).TotalMilliseconds >= 0.8 * expected, $"retry {i} came {(times[i] - times[i - 1]).TotalMilliseconds:0} ms after the one before; the backoff is {expected} ms");
        }

        // Descriptors are back: the next client is accepted and served, with no restart of anything.
        Volatile.Write(ref failing, false);
        await AssertServesClientAsync(node);

        // One warning for the whole episode, then one line when accepting worked again.
        int failureWarnings = 0;
        logs.FishForMessage(
            m =>
            {
                string text = $"{(m as LogEvent)?.Message}";
                if (text.Contains("retrying with a backoff", StringComparison.Ordinal))
                {
                    failureWarnings++;
                }

                return text.Contains("works again after", StringComparison.Ordinal);
            },
            TestTime.Seconds(20),
            "the accept loop's recovery line");
        Assert.Equal(1, failureWarnings);
        Assert.Equal("after", await EchoOf(existing, node).Ask<string>("after", TestTime.Seconds(10)));
    }

    private static int Count(List<TimeSpan> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }
}

public sealed class TcpAcceptLoopTests(ITestOutputHelper output) : AcceptLoopTests(TransportKind.Tcp, output);

public sealed class UnixAcceptLoopTests(ITestOutputHelper output) : AcceptLoopTests(TransportKind.Unix, output);
