using System.Net;
using System.Net.Sockets;
using Akka.Event;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Framing;

namespace AkkaRpc.Transport.Tests;

/// <summary>The send loop's bookkeeping, which decides backpressure and the stuck-peer verdict.</summary>
public sealed class SocketConnectionTests : AkkaRpcTestKit
{
    [Fact]
    public async Task QueuedBytes_AfterBurstsSpanningManyPipeSegments_ReturnToZeroOnceSent()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        using Socket peer = await listener.AcceptAsync();
        await using var connection = new SocketConnection(client, TransportSettings.Read(Akka.Configuration.Config.Empty, "akka.remote.rpc-tcp"), NoLogger.Instance);
        connection.Start();
        byte[] sink = new byte[1 << 20];
        long received = 0;
        long written = 0;

        for (int burst = 0; burst < 20; burst++)
        {
            // A thousand small frames written faster than one send: the send loop gathers several 4 KiB segments at once.
            for (int i = 0; i < 1000; i++)
            {
                byte[] payload = new byte[5 + (i % 7)];
                Assert.True(connection.TrySend(FrameType.Pdu, payload));
                written += FrameLayout.HeaderSize + payload.Length;
            }

            while (received < written)
            {
                received += await peer.ReceiveAsync(sink, SocketFlags.None);
            }

            // The peer can have every byte before the send loop has counted the last batch out; then it must be zero.
            await AwaitConditionAsync(() => Task.FromResult(connection.QueuedBytes == 0), TestTime.Seconds(10));
        }

        Assert.True(connection.SocketWrites < 20 * 1000 / 2, $"{connection.SocketWrites} socket writes for 20000 frames: the send loop did not batch");
    }
}
