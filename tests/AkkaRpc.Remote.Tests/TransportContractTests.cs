using System.Buffers.Binary;
using AkkaRpc.Remote.Tests.Support;

namespace AkkaRpc.Remote.Tests;

/// <summary>
/// The behaviour every transport must show, run once per transport by the derived classes.
/// Each test gets its own temp directory (cookie, socket) and log recorder.
/// </summary>
public abstract partial class TransportContractTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-");

    internal LogRecorder Logs { get; } = new();

    protected string CookiePath => Path.Combine(_directory.FullName, "cookie");

    protected string TempPath(string name) => Path.Combine(_directory.FullName, name);

    /// <summary>Points a listener's options at this transport (a TCP port or a Unix socket path).</summary>
    protected abstract void UseTransport(RemoteTransportOptions options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    protected RemoteTransportOptions NewOptions(string systemName, Action<RemoteTransportOptions>? configure = null)
    {
        var options = new RemoteTransportOptions { SystemName = systemName, CookiePath = CookiePath };
        configure?.Invoke(options);
        return options;
    }

    protected async Task<TransportListener> StartListenerAsync(Action<RemoteTransportOptions>? configure = null)
    {
        RemoteTransportOptions options = NewOptions("server", o =>
        {
            UseTransport(o);
            configure?.Invoke(o);
        });
        return await TransportListener.StartAsync(options, Logs);
    }

    protected Task<RemoteConnection> ConnectAsync(TransportListener listener, Action<RemoteTransportOptions>? configure = null)
    {
        using var cts = new CancellationTokenSource(TestTimeouts.Ceiling);
        return RemoteTransport.ConnectAsync(listener.LocalEndPoint, NewOptions("client", configure), Logs, cts.Token);
    }

    protected async Task<(RemoteConnection Client, RemoteConnection Server)> ConnectPairAsync(
        TransportListener listener, Action<RemoteTransportOptions>? configure = null)
    {
        RemoteConnection client = await ConnectAsync(listener, configure);
        RemoteConnection server = await AcceptAsync(listener);
        return (client, server);
    }

    protected static async Task<RemoteConnection> AcceptAsync(TransportListener listener)
    {
        using var cts = new CancellationTokenSource(TestTimeouts.Ceiling);
        return await listener.Connections.ReadAsync(cts.Token);
    }

    protected static async Task<byte[]> ReceiveAsync(RemoteConnection connection)
    {
        using var cts = new CancellationTokenSource(TestTimeouts.Ceiling);
        return (await connection.Received.ReadAsync(cts.Token)).ToArray();
    }

    protected static Task<RemoteTransportException> ClosedAsync(RemoteConnection connection) =>
        connection.Closed.WaitAsync(TestTimeouts.Ceiling);

    /// <summary>Shows the listener still serves a well-behaved client after whatever the test did.</summary>
    protected async Task AssertServesNormalClientAsync(TransportListener listener)
    {
        (RemoteConnection client, RemoteConnection server) = await ConnectPairAsync(listener);
        await using (client)
        await using (server)
        {
            await client.SendAsync("ping"u8.ToArray());
            Assert.Equal("ping"u8.ToArray(), await ReceiveAsync(server));
            await server.SendAsync("pong"u8.ToArray());
            Assert.Equal("pong"u8.ToArray(), await ReceiveAsync(client));
        }
    }

    [Fact]
    public async Task Handshake_SameCookie_BothSidesLearnEachOther()
    {
        await using TransportListener listener = await StartListenerAsync(o => o.NodeUid = 7);
        (RemoteConnection client, RemoteConnection server) = await ConnectPairAsync(listener, o => o.NodeUid = 9);
        await using (client)
        await using (server)
        {
            Assert.Equal("server", client.RemoteSystemName);
            Assert.Equal(7, client.RemoteUid);
            Assert.Equal("client", server.RemoteSystemName);
            Assert.Equal(9, server.RemoteUid);
            await Logs.WaitForAsync("authenticated: client uid 9");
        }
    }

    [Fact]
    public async Task Messages_TenThousandFrames_RoundTripInOrder()
    {
        const int Count = 10_000;
        await using TransportListener listener = await StartListenerAsync();
        (RemoteConnection client, RemoteConnection server) = await ConnectPairAsync(listener);
        await using (client)
        await using (server)
        {
            Task echo = Task.Run(async () =>
            {
                for (int i = 0; i < Count; i++)
                {
                    await server.SendAsync(await ReceiveAsync(server));
                }
            });

            Task<int> check = Task.Run(async () =>
            {
                for (int i = 0; i < Count; i++)
                {
                    Assert.Equal(i, BinaryPrimitives.ReadInt32LittleEndian(await ReceiveAsync(client)));
                }

                return Count;
            });

            byte[] message = new byte[16];
            for (int i = 0; i < Count; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(message, i);
                await client.SendAsync(message.ToArray());
            }

            await echo.WaitAsync(TestTimeouts.Ceiling);
            Assert.Equal(Count, await check.WaitAsync(TestTimeouts.Ceiling));
        }
    }

    [Fact]
    public async Task SendLoop_ManyQueuedFrames_GoOutInFarFewerSocketWrites()
    {
        const int Count = 10_000;
        await using TransportListener listener = await StartListenerAsync();
        (RemoteConnection client, RemoteConnection server) = await ConnectPairAsync(listener);
        await using (client)
        await using (server)
        {
            long before = client.Transport.SocketWrites;
            byte[] message = new byte[32];
            for (int i = 0; i < Count; i++)
            {
                await client.SendAsync(message);
            }

            for (int i = 0; i < Count; i++)
            {
                await ReceiveAsync(server);
            }

            // Frames queued while a write is in flight share the next write; a lone frame is sent at once.
            long writes = client.Transport.SocketWrites - before;
            Assert.InRange(writes, 1, Count / 2);
        }
    }

    [Fact]
    public async Task LargePayload_FiveMebibytes_IsChunkedAndReassembledExactly()
    {
        await using TransportListener listener = await StartListenerAsync();
        (RemoteConnection client, RemoteConnection server) = await ConnectPairAsync(listener);
        await using (client)
        await using (server)
        {
            byte[] payload = new byte[5 * 1024 * 1024];
            new Random(5).NextBytes(payload);
            Assert.True(payload.Length > new RemoteTransportOptions().MaxFrameSize);

            await client.SendAsync(payload);
            await client.SendAsync("after"u8.ToArray());

            Assert.Equal(payload, await ReceiveAsync(server));
            Assert.Equal("after"u8.ToArray(), await ReceiveAsync(server));
        }
    }

    [Fact]
    public async Task ConcurrentSenders_OnOneConnection_EveryMessageArrivesIntactInPerSenderOrder()
    {
        const int Senders = 8;
        const int PerSender = 500;
        await using TransportListener listener = await StartListenerAsync();
        (RemoteConnection client, RemoteConnection server) = await ConnectPairAsync(listener);
        await using (client)
        await using (server)
        {
            Task[] senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
            {
                for (int i = 0; i < PerSender; i++)
                {
                    // Every 100th message is bigger than a frame, so chunk streams interleave with plain frames.
                    byte[] message = new byte[i % 100 == 99 ? 1_500_000 : 8 + (i % 50)];
                    BinaryPrimitives.WriteInt32LittleEndian(message, sender);
                    BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(4), i);
                    message.AsSpan(8).Fill((byte)(sender + i));
                    await client.SendAsync(message);
                }
            })).ToArray();

            int[] next = new int[Senders];
            for (int n = 0; n < Senders * PerSender; n++)
            {
                byte[] message = await ReceiveAsync(server);
                int sender = BinaryPrimitives.ReadInt32LittleEndian(message);
                int index = BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(4));
                Assert.Equal(next[sender]++, index);
                Assert.True(message.AsSpan(8).IndexOfAnyExcept((byte)(sender + index)) < 0, "payload corrupted");
            }

            await Task.WhenAll(senders).WaitAsync(TestTimeouts.Ceiling);
            Assert.All(next, count => Assert.Equal(PerSender, count));
        }
    }

    [Fact]
    public async Task WrongCookie_RealClient_RefusedAndLoggedOnBothSides()
    {
        await using TransportListener listener = await StartListenerAsync();
        string otherCookie = TempPath("other-cookie");

        var error = await Assert.ThrowsAsync<RemoteTransportException>(() => ConnectAsync(listener, o => o.CookiePath = otherCookie));

        Assert.Equal(TransportFailureKind.HandshakeRefused, error.Kind);
        Assert.Equal(HandshakeRefusalCode.BadCookie, error.RefusalCode);
        Assert.Contains("different cookies", error.Message, StringComparison.Ordinal);
        await Logs.WaitForAsync(e => e.Category.EndsWith("Client", StringComparison.Ordinal) && e.Message.Contains("server's proof did not verify", StringComparison.Ordinal));
        await Logs.WaitForAsync(e => e.Category.EndsWith("Listener", StringComparison.Ordinal) && e.Message.Contains("peer refused the handshake (BadCookie)", StringComparison.Ordinal));
        await AssertServesNormalClientAsync(listener);
    }

    [Fact]
    public async Task Dispose_ClientSide_ServerSeesCleanClose()
    {
        await using TransportListener listener = await StartListenerAsync();
        (RemoteConnection client, RemoteConnection server) = await ConnectPairAsync(listener);
        await using (server)
        {
            await client.SendAsync("last"u8.ToArray());
            await client.DisposeAsync();

            Assert.Equal("last"u8.ToArray(), await ReceiveAsync(server));
            Assert.Equal(TransportFailureKind.PeerClosed, (await ClosedAsync(server)).Kind);
            Assert.Equal(TransportFailureKind.LocalClose, (await ClosedAsync(client)).Kind);
            await Assert.ThrowsAsync<RemoteTransportException>(() => client.SendAsync("x"u8.ToArray()).AsTask());
        }
    }

    [Fact]
    public async Task ListenerDispose_ClosesItsConnections()
    {
        TransportListener listener = await StartListenerAsync();
        (RemoteConnection client, RemoteConnection server) = await ConnectPairAsync(listener);
        await using (client)
        {
            await listener.DisposeAsync();

            Assert.Equal(TransportFailureKind.LocalClose, (await ClosedAsync(server)).Kind);
            Assert.Equal(TransportFailureKind.PeerClosed, (await ClosedAsync(client)).Kind);
        }
    }
}
