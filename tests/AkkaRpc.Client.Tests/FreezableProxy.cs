using System.Net;
using System.Net.Sockets;

namespace AkkaRpc.Client.Tests;

/// <summary>
/// Forwards TCP connections to a node. Frozen, it acts as a stopped node process (SIGSTOP, a paused container): it
/// forwards nothing and closes nothing, and new connections wait unanswered as in a listen backlog. Thawed, it forwards
/// the waiting connections and every new one again; connections it froze stay silent and open, as they are for a node
/// that has not yet read that their client gave up on them.
/// </summary>
internal sealed class FreezableProxy : IDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly List<Socket> _sockets = [];
    private readonly List<Socket> _waiting = [];
    private TaskCompletionSource _frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    public void Freeze()
    {
        lock (_sockets)
        {
            _frozen.TrySetResult();
        }
    }

    /// <summary>Forwards the connections that waited while frozen, and every new one.</summary>
    public void Thaw()
    {
        List<Socket> waiting;
        lock (_sockets)
        {
            _frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        foreach (var client in waiting)
        {
            _ = ForwardAsync(client);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        lock (_sockets)
        {
            _sockets.ForEach(s => s.Dispose());
            _waiting.ForEach(s => s.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptSocketAsync();
                lock (_sockets)
                {
                    if (_frozen.Task.IsCompleted)
                    {
                        _waiting.Add(client);
                        continue;
                    }
                }

                await ForwardAsync(client);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await server.ConnectAsync(_upstream);
        Task frozen;
        lock (_sockets)
        {
            _sockets.Add(client);
            _sockets.Add(server);
            frozen = _frozen.Task;
        }

        _ = PumpAsync(client, server, frozen);
        _ = PumpAsync(server, client, frozen);
    }

    private static async Task PumpAsync(Socket from, Socket to, Task frozen)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask();
                if (await Task.WhenAny(read, frozen) == frozen)
                {
                    return;
                }

                var n = await read;
                if (n == 0 || frozen.IsCompleted)
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
