using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AkkaRpc.Cli.Suites.Remote;

/// <summary>
/// The floor: fixed-size messages echoed over a blocking socket by a server thread, with no framing, codecs or
/// actors: the least a request/reply over this transport costs on this machine.
/// </summary>
internal sealed class RawSocketTarget : IRemoteTarget
{
    /// <summary>The label of the floor rows.</summary>
    public const string SystemName = "raw socket";

    /// <summary>About the size of a point-query request on the wire.</summary>
    private const int MessageSize = 64;

    private readonly Socket _listener;
    private readonly Socket _client;
    private readonly Thread _server;
    private readonly string? _socketPath;

    private RawSocketTarget(string transport, Socket listener, Socket client, string? socketPath)
    {
        Transport = transport;
        _listener = listener;
        _client = client;
        _socketPath = socketPath;
        _server = new Thread(Serve) { IsBackground = true, Name = "raw-echo" };
    }

    public string Name => SystemName;

    public string Transport { get; }

    public static RawSocketTarget Start(string transport, string directory)
    {
        Socket listener;
        EndPoint endPoint;
        string? path = null;
        if (transport == "unix")
        {
            path = Path.Combine(directory, "raw.sock");
            listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            endPoint = new UnixDomainSocketEndPoint(path);
        }
        else
        {
            listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            endPoint = new IPEndPoint(IPAddress.Loopback, 0);
        }

        listener.Bind(endPoint);
        listener.Listen(1);
        var client = listener.AddressFamily == AddressFamily.Unix
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.Connect(listener.LocalEndPoint!);
        var target = new RawSocketTarget(transport, listener, client, path);
        target._server.Start();
        return target;
    }

    public Task RoundTripAsync(CancellationToken cancellationToken)
    {
        Span<byte> buffer = stackalloc byte[MessageSize];
        _client.Send(buffer);
        ReadExactly(_client, buffer);
        return Task.CompletedTask;
    }

    public Task<long> PipelineAsync(int inFlight, long max, long deadlineTimestamp, CancellationToken cancellationToken)
    {
        // One thread writes while another reads, keeping `inFlight` messages outstanding. The reader takes one
        // `outstanding` token per message sent, so it never blocks on the socket with nothing in flight; the writer
        // adds one last token after it stops, which tells the reader to finish.
        using var credits = new SemaphoreSlim(inFlight);
        using var outstanding = new SemaphoreSlim(0);
        long sent = 0;
        long received = 0;
        var stopped = false;
        var reader = new Thread(() =>
        {
            var buffer = new byte[MessageSize];
            while (true)
            {
                outstanding.Wait();
                if (Volatile.Read(ref stopped) && Interlocked.Read(ref received) == Interlocked.Read(ref sent))
                {
                    return;
                }

                ReadExactly(_client, buffer);
                Interlocked.Increment(ref received);
                credits.Release();
            }
        }) { IsBackground = true, Name = "raw-reader" };
        reader.Start();
        var message = new byte[MessageSize];
        while (Interlocked.Read(ref sent) < max && Stopwatch.GetTimestamp() < deadlineTimestamp && !cancellationToken.IsCancellationRequested)
        {
            credits.Wait(cancellationToken);
            _client.Send(message);
            Interlocked.Increment(ref sent);
            outstanding.Release();
        }

        Volatile.Write(ref stopped, true);
        outstanding.Release();
        reader.Join();
        return Task.FromResult(received);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _listener.Dispose();
        _server.Join(TimeSpan.FromSeconds(5));
        if (_socketPath is not null)
        {
            File.Delete(_socketPath);
        }

        return ValueTask.CompletedTask;
    }

    private void Serve()
    {
        try
        {
            using var peer = _listener.Accept();
            if (peer.AddressFamily != AddressFamily.Unix)
            {
                peer.NoDelay = true;
            }

            var buffer = new byte[MessageSize];
            while (true)
            {
                ReadExactly(peer, buffer);
                peer.Send(buffer);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The benchmark closed its side.
        }
    }

    private static void ReadExactly(Socket socket, Span<byte> buffer)
    {
        for (var read = 0; read < buffer.Length;)
        {
            var n = socket.Receive(buffer[read..]);
            if (n == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            read += n;
        }
    }
}
