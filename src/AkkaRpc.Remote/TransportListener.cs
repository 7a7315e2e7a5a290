using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using AkkaRpc.Remote.Framing;
using AkkaRpc.Remote.Handshake;
using AkkaRpc.Remote.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaRpc.Remote;

/// <summary>
/// Accepts connections on TCP (127.0.0.1 by default) or a Unix socket, authenticates them, and hands the
/// authenticated ones out through <see cref="Connections"/>. Disposing it closes every connection it accepted.
/// </summary>
public sealed class TransportListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly UnixSocketPath? _unixPath;
    private readonly RemoteTransportOptions _options;
    private readonly byte[] _cookie;
    private readonly ILogger _logger;
    private readonly Channel<RemoteConnection> _accepted = Channel.CreateUnbounded<RemoteConnection>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<SocketConnection, RemoteConnection?> _live = new();
    private readonly ConcurrentDictionary<Task, bool> _handlers = new();
    private readonly string _name;
    private Task _acceptTask = Task.CompletedTask;
    private int _connectionCount;
    private int _disposed;
    private int _draining;

    private TransportListener(Socket socket, UnixSocketPath? unixPath, RemoteTransportOptions options, byte[] cookie, ILogger logger)
    {
        _socket = socket;
        _unixPath = unixPath;
        _options = options;
        _cookie = cookie;
        _logger = logger;
        LocalEndPoint = unixPath is null ? socket.LocalEndPoint! : new UnixDomainSocketEndPoint(unixPath.Path);
        _name = unixPath is null ? $"tcp:{LocalEndPoint}" : $"unix:{unixPath.Path}";
    }

    /// <summary>Gets the bound endpoint; for TCP with port 0 it carries the port the OS picked.</summary>
    public EndPoint LocalEndPoint { get; }

    /// <summary>Gets the authenticated connections, in the order their handshakes finished.</summary>
    public ChannelReader<RemoteConnection> Connections => _accepted.Reader;

    /// <summary>Gets how many connections (authenticated or handshaking) count against the cap now.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Binds and starts accepting, per <paramref name="options"/>: a Unix socket if a path is set, else TCP.</summary>
    /// <exception cref="InvalidOperationException">The address would expose the node, or another node holds the socket path.</exception>
    public static async Task<TransportListener> StartAsync(
        RemoteTransportOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("AkkaRpc.Remote.Listener");
        byte[] cookie = await RemoteCookie.LoadOrCreateAsync(options.CookiePath, cancellationToken).ConfigureAwait(false);

        TransportListener listener = options.UnixSocketPath is { } path ? BindUnix(path, options, cookie, logger) : BindTcp(options, cookie, logger);
        TransportLog.Listening(logger, listener._name);
        listener._acceptTask = Task.Run(listener.AcceptLoopAsync, CancellationToken.None);
        return listener;
    }

    /// <summary>
    /// Stops taking connections (the node is shutting down): connect attempts are refused from now on, so clients look
    /// elsewhere instead of reaching a node that is about to go; live connections stay until <see cref="DisposeAsync"/>.
    /// </summary>
    public void StopAccepting()
    {
        Volatile.Write(ref _draining, 1);
        _socket.Dispose();
    }

    /// <summary>Stops accepting, closes every connection, and removes the socket file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _acceptTask.ConfigureAwait(false);
        _accepted.Writer.TryComplete();

        // Handshakes in flight observe the cancellation and close themselves.
        await Task.WhenAll(_handlers.Keys).ConfigureAwait(false);
        await Task.WhenAll(_live.Values.Where(c => c is not null).Select(c => c!.DisposeAsync().AsTask())).ConfigureAwait(false);
        while (_accepted.Reader.TryRead(out RemoteConnection? unclaimed))
        {
            await unclaimed.DisposeAsync().ConfigureAwait(false);
        }

        _unixPath?.Dispose();
        _stopping.Dispose();
    }

    private static TransportListener BindTcp(RemoteTransportOptions options, byte[] cookie, ILogger logger)
    {
        if (!IPAddress.IsLoopback(options.BindAddress) && !options.AllowNonLoopbackBind)
        {
            throw new InvalidOperationException(
                $"Binding {options.BindAddress} would let other machines reach this node. Set AllowNonLoopbackBind to do that on purpose.");
        }

        var socket = new Socket(options.BindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(options.BindAddress, options.Port));
            socket.Listen(512);
            return new TransportListener(socket, null, options, cookie, logger);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static TransportListener BindUnix(string path, RemoteTransportOptions options, byte[] cookie, ILogger logger)
    {
        UnixSocketPath claimed = UnixSocketPath.Claim(path, logger);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(claimed.Path));
            claimed.Secure();
            socket.Listen(512);
            return new TransportListener(socket, claimed, options, cookie, logger);
        }
        catch
        {
            socket.Dispose();
            claimed.Dispose();
            throw;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested || Volatile.Read(ref _draining) != 0)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // The client gave up before we accepted it; nothing to serve.
                continue;
            }
            catch (Exception ex)
            {
                TransportLog.AcceptFailed(_logger, _name, ex);
                return;
            }

            var connection = new SocketConnection(accepted, _options.MaxFrameSize, _logger);
            bool overCap = Interlocked.Increment(ref _connectionCount) > _options.MaxConnections;
            Task handler = overCap ? RefuseAsync(connection) : ServeAsync(connection);
            _handlers.TryAdd(handler, true);
            _ = handler.ContinueWith(static (t, state) => ((ConcurrentDictionary<Task, bool>)state!).TryRemove(t, out _), _handlers, TaskScheduler.Default);
        }
    }

    private async Task RefuseAsync(SocketConnection connection)
    {
        try
        {
            string reason = $"the node already serves its maximum of {_options.MaxConnections} connections";
            TransportLog.ConnectionLimitReached(_logger, connection.Name, reason);
            connection.Start();
            await connection.Input.CompleteAsync().ConfigureAwait(false);
            connection.Send(FrameType.Refused, HandshakeMessages.EncodeRefused(HandshakeRefusalCode.TooManyConnections, reason));
            await connection.CloseAsync(ConnectionEstablisher.CloseLinger, _options.TimeProvider).ConfigureAwait(false);
        }
        catch (RemoteTransportException)
        {
            // The client vanished first; the refusal is logged already.
        }
        finally
        {
            Interlocked.Decrement(ref _connectionCount);
        }
    }

    private async Task ServeAsync(SocketConnection connection)
    {
        _live.TryAdd(connection, null);
        connection.Start();
        RemoteConnection established;
        try
        {
            established = await ConnectionEstablisher.EstablishAsync(
                connection, isServer: true, _options, _cookie, _logger, () => Release(connection), _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RemoteTransportException or OperationCanceledException)
        {
            // Logged and closed by the establisher; the listener keeps serving everyone else.
            Release(connection);
            return;
        }

        // If it already closed, Release removed the entry; TryUpdate then leaves it gone.
        _live.TryUpdate(connection, established, null);
        if (!_accepted.Writer.TryWrite(established))
        {
            // The listener is shutting down.
            await established.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Release(SocketConnection connection)
    {
        if (_live.TryRemove(connection, out _))
        {
            Interlocked.Decrement(ref _connectionCount);
        }
    }
}
