using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AkkaRpc.Bench.Systems.Raw;

/// <summary>
/// The raw floor's server, run in its own process like every server here so the floor pays the same process boundary:
/// one task per connection answering <see cref="RawProtocol"/> requests, over TCP and optionally a Unix socket.
/// </summary>
internal sealed class RawFloorServer : IAsyncDisposable
{
    private readonly List<Socket> _listeners;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _accepts = [];

    private RawFloorServer(List<Socket> listeners, IReadOnlyList<string> addresses)
    {
        _listeners = listeners;
        Addresses = addresses;
    }

    /// <summary>Gets the addresses (<c>tcp://host:port</c>, <c>unix:/path</c>) it listens at.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Starts listening on TCP <paramref name="bindAddress"/>:<paramref name="port"/> and, if given, on <paramref name="socketPath"/>.</summary>
    public static RawFloorServer Start(IPAddress bindAddress, int port, string? socketPath)
    {
        var listeners = new List<Socket>();
        var addresses = new List<string>();
        var tcp = new Socket(bindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(bindAddress, port));
        tcp.Listen(512);
        listeners.Add(tcp);
        var bound = (IPEndPoint)tcp.LocalEndPoint!;
        addresses.Add($"tcp://{(bindAddress.Equals(IPAddress.Any) ? IPAddress.Loopback : bindAddress)}:{bound.Port}");
        if (socketPath is not null)
        {
            File.Delete(socketPath);
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            unix.Bind(new UnixDomainSocketEndPoint(socketPath));
            unix.Listen(512);
            listeners.Add(unix);
            addresses.Add($"unix:{socketPath}");
        }

        var server = new RawFloorServer(listeners, addresses);
        foreach (var listener in listeners)
        {
            server._accepts.Add(server.AcceptLoopAsync(listener));
        }

        return server;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(_accepts).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        // Bounded by the listener's life: Dispose closes it, which ends AcceptAsync.
        while (!_stopping.IsCancellationRequested)
        {
            Socket peer;
            try
            {
                peer = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            if (peer.AddressFamily != AddressFamily.Unix)
            {
                peer.NoDelay = true;
            }

            _ = ServeAsync(peer, _stopping.Token);
        }
    }

    private static async Task ServeAsync(Socket peer, CancellationToken cancellationToken)
    {
        using var stream = new NetworkStream(peer, ownsSocket: true);
        var header = new byte[RawProtocol.HeaderSize];
        var lengthPrefix = new byte[4];
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            // One request at a time until the client closes: a request needs a client, so the loop is bounded by its requests.
            while (true)
            {
                await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
                byte operation = header[0];
                long argument = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(1));
                int length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(9));
                if (length is < 0 or > RawProtocol.MaxPayload || argument is < 0 or > RawProtocol.MaxPayload)
                {
                    return;
                }

                if (operation == RawProtocol.Echo)
                {
                    byte[] payload = length <= buffer.Length ? buffer : new byte[length];
                    await stream.ReadExactlyAsync(payload.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                    BinaryPrimitives.WriteInt32LittleEndian(lengthPrefix, length);
                    await stream.WriteAsync(lengthPrefix, cancellationToken).ConfigureAwait(false);
                    await stream.WriteAsync(payload.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                }
                else if (operation == RawProtocol.Sink)
                {
                    for (int left = length; left > 0;)
                    {
                        int n = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(left, buffer.Length)), cancellationToken).ConfigureAwait(false);
                        if (n == 0)
                        {
                            return;
                        }

                        left -= n;
                    }

                    BinaryPrimitives.WriteInt32LittleEndian(lengthPrefix, 0);
                    await stream.WriteAsync(lengthPrefix, cancellationToken).ConfigureAwait(false);
                }
                else if (operation == RawProtocol.Source)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(lengthPrefix, (int)argument);
                    await stream.WriteAsync(lengthPrefix, cancellationToken).ConfigureAwait(false);
                    for (long left = argument; left > 0;)
                    {
                        int n = (int)Math.Min(left, buffer.Length);
                        await stream.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                        left -= n;
                    }
                }
                else
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or EndOfStreamException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping; the connection ends either way.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
