using System.Net;
using System.Net.Sockets;

namespace AkkaRpc.Client.Tests;

/// <summary>
/// A node whose process stops answering without closing its sockets (SIGSTOP, a paused container, a partition): the
/// issue asks for death watch "with a failure detector tuned for loopback", so requests do not wait out their timeout.
/// </summary>
public sealed class FrozenNodeTests
{
    [Fact]
    public async Task ARequestToANodeThatFroze_FailsAsConnectionLost_WellBeforeItsTimeout()
    {
        var port = Loopback.FreePort();
        await using var node = await TestNode.StartAsync(tcpPort: port, transport: t => t with { PublicHostname = "127.0.0.2" });
        using var proxy = FreezableProxy.Start(new IPEndPoint(IPAddress.Parse("127.0.0.2"), port), new IPEndPoint(IPAddress.Loopback, port));
        var options = node.ClientOptions();
        options.UnixSocket = "";
        options.TcpHost = "127.0.0.2";
        options.TcpPort = port;
        options.TcpPortCount = 1;
        options.RequestTimeout = TimeSpan.FromMinutes(5);
        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);
        Assert.Equal(1L, (await db.QueryAsync("SELECT 1")).Scalar());

        proxy.Freeze();
        var error = await Record.ExceptionAsync(() => db.QueryAsync("SELECT 1").WaitAsync(TestTime.Seconds(20)));

        Assert.IsType<ConnectionLostException>(error);
    }

    /// <summary>Forwards TCP connections; once frozen it forwards nothing more and closes nothing, as a stopped process.</summary>
    private sealed class FreezableProxy : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly IPEndPoint _upstream;
        private readonly TaskCompletionSource _frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<Socket> _sockets = [];

        private FreezableProxy(TcpListener listener, IPEndPoint upstream)
        {
            _listener = listener;
            _upstream = upstream;
        }

        public static FreezableProxy Start(IPEndPoint at, IPEndPoint upstream)
        {
            var listener = new TcpListener(at);
            listener.Start();
            var proxy = new FreezableProxy(listener, upstream);
            _ = proxy.AcceptAsync();
            return proxy;
        }

        public void Freeze() => _frozen.TrySetResult();

        public void Dispose()
        {
            _listener.Stop();
            lock (_sockets)
            {
                _sockets.ForEach(s => s.Dispose());
            }
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptSocketAsync();
                    var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    await server.ConnectAsync(_upstream);
                    lock (_sockets)
                    {
                        _sockets.Add(client);
                        _sockets.Add(server);
                    }

                    _ = PumpAsync(client, server);
                    _ = PumpAsync(server, client);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        private async Task PumpAsync(Socket from, Socket to)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var read = from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask();
                    if (await Task.WhenAny(read, _frozen.Task) == _frozen.Task)
                    {
                        return;
                    }

                    var n = await read;
                    if (n == 0 || _frozen.Task.IsCompleted)
                    {
                        return;
                    }

                    await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Closed.
            }
        }
    }
}
