using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;
using Akka.Remote.Transport;
using AkkaRpc.Transport.Framing;
using AkkaRpc.Transport.Handshake;

namespace AkkaRpc.Transport.Connections;

/// <summary>
/// What both public transports do, over a <see cref="SocketFamily"/>: listen (or report a client-mode address),
/// accept under the connection and handshake caps, authenticate every connection before Akka sees it, associate
/// out, drain, and shut down.
/// </summary>
internal sealed partial class TransportCore
{
    private readonly SocketFamily _family;
    private readonly ActorSystem _system;
    private readonly ILoggingAdapter _log;
    private readonly ConcurrentDictionary<RpcAssociationHandle, byte> _handles = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly TaskCompletionSource<IAssociationEventListener> _associationListener = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task<byte[]>> _cookie;
    private Socket? _listenSocket;
    private IDisposable? _claim;
    private Task _acceptTask = Task.CompletedTask;
    private int _open;
    private int _handshaking;
    private int _inbound;
    private long _accepted;
    private int _accepting;
    private int _shutdown;

    public TransportCore(SocketFamily family, ActorSystem system, TransportSettings settings)
    {
        _family = family;
        _system = system;
        Settings = settings;
        _log = Logging.GetLogger(system, "AkkaRpc.Transport." + family.Scheme);
        _cookie = new Lazy<Task<byte[]>>(() => CookieFile.LoadOrCreateAsync(settings.CookieFile));
    }

    public TransportSettings Settings { get; }

    /// <summary>Gets this transport's address (bound, or the client-mode one) once <see cref="ListenAsync"/> returned.</summary>
    public Address? LocalAddress { get; private set; }

    /// <summary>Gets whether a socket is bound (false in client mode).</summary>
    public bool IsListening => _listenSocket is not null;

    /// <summary>Gets the authenticated connections other processes opened to this one and that are still open.</summary>
    public int InboundConnectionCount => Volatile.Read(ref _inbound);

    /// <summary>Gets how many inbound connections have been authenticated since the transport started.</summary>
    public long AcceptedConnectionCount => Interlocked.Read(ref _accepted);

    /// <summary>Gets every open association, for tests.</summary>
    public ICollection<RpcAssociationHandle> Handles => _handles.Keys;

    public async Task<(Address, TaskCompletionSource<IAssociationEventListener>)> ListenAsync()
    {
        // Loading the cookie here makes a bad cookie file fail the system's start, not its first connection.
        await _cookie.Value.ConfigureAwait(false);
        if (!Settings.Listen)
        {
            LocalAddress = ClientAddress.Create(_family.Scheme, _system.Name);
            _log.Info("AkkaRpc {0} transport in client mode: listening nowhere, reachable only over associations it opens, as {1}", _family.Scheme, LocalAddress);
        }
        else
        {
            (Socket socket, Address address, IDisposable? claim) = _family.Bind(Settings, _system.Name, _log);
            (_listenSocket, _claim, LocalAddress) = (socket, claim, address);
            Volatile.Write(ref _accepting, 1);

            _acceptTask = Task.Run(() => AcceptLoopAsync(socket));
            _log.Info("AkkaRpc {0} transport listening on {1}", _family.Scheme, address);
        }

        AkkaRpcTransportExtension.Get(_system).Register(this);
        return (LocalAddress, _associationListener);
    }

    public async Task<AssociationHandle> AssociateAsync(Address remote)
    {
        Address local = LocalAddress ?? throw new InvalidAssociationException($"The {_family.Scheme} transport is not started; cannot associate with {remote}.");
        if (ClientAddress.IsClient(remote))
        {
            throw new InvalidAssociationException(
                $"{remote} is a client-mode address: that system listens nowhere and is reachable only over the association it opened, which is gone.");
        }

        EndPoint endPoint;
        try
        {
            endPoint = await _family.ToEndPointAsync(remote).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or SocketException)
        {
            throw new InvalidAssociationException($"Cannot associate with {remote}: {ex.Message}", ex);
        }

        Socket socket = _family.NewClientSocket(endPoint);
        using (var connectTimeout = new CancellationTokenSource(Settings.HandshakeTimeout, Settings.TimeProvider))
        {
            try
            {
                await socket.ConnectAsync(endPoint, connectTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                string why = ex is SocketException se ? se.SocketErrorCode.ToString() : $"no answer within {Settings.HandshakeTimeout.TotalSeconds:0.###} s";
                throw new InvalidAssociationException($"Could not connect to {remote} ({why}); is a node running there?", ex);
            }
        }

        var connection = new SocketConnection(socket, Settings, _log);
        if (_family.CheckPeer(socket) is { } wrongPeer)
        {
            _log.Warning("AkkaRpc refused to associate with {0}: {1}", remote, wrongPeer);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new InvalidAssociationException($"Refused to associate with {remote}: {wrongPeer}.");
        }

        connection.Start();
        PeerInfo peer;
        try
        {
            peer = await EstablishAsync(connection, local, server: false).ConfigureAwait(false);
        }
        catch (ConnectionException ex)
        {
            throw new InvalidAssociationException(DescribeAssociateFailure(remote, ex), ex);
        }

        // Akka.Remote drops, without a word, every message whose recipient's address is not the receiving system's
        // own: an association with a system other than the one asked for would only swallow what is sent over it.
        if (!string.Equals(peer.Address.System, remote.System, StringComparison.Ordinal))
        {
            _log.Info("AkkaRpc did not associate with {0}: the system there is '{1}'", remote, peer.Address.System);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new InvalidAssociationException(
                $"The node at {remote} is the actor system '{peer.Address.System}', not '{remote.System}': check the system name (akkarpc.system-name).");
        }

        if (!string.Equals(peer.Address.Host, remote.Host, StringComparison.OrdinalIgnoreCase) || peer.Address.Port != remote.Port)
        {
            _log.Info("AkkaRpc did not associate with {0}: the node there calls itself {1}", remote, peer.Address);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new InvalidAssociationException(
                $"The node reached as {remote.Host}:{remote.Port} calls itself {peer.Address.Host}:{peer.Address.Port}, and Akka.Remote only delivers what is " +
                "addressed to a node's own address: address it so (or set its public-hostname).");
        }

        var handle = new RpcAssociationHandle(local, remote, connection, peer, inbound: false, Settings.MaximumFrameSize, _log, Released);
        Track(handle);
        return handle;
    }

    /// <summary>Refuses new connections from now on; live ones stay (the node is draining).</summary>
    public void StopAccepting()
    {
        if (Interlocked.Exchange(ref _accepting, 0) == 0)
        {
            return;
        }

        // Closing the socket makes connects fail at once (refused, or no such file), so clients look elsewhere.
        _listenSocket?.Dispose();
        if (_claim is UnixSocketFile file)
        {
            File.Delete(file.Path);
        }

        _log.Info("AkkaRpc {0} transport at {1} stopped accepting connections; {2} inbound stay open", _family.Scheme, LocalAddress, InboundConnectionCount);
    }

    public async Task<bool> ShutdownAsync()
    {
        if (Interlocked.Exchange(ref _shutdown, 1) != 0)
        {
            return true;
        }

        StopAccepting();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _acceptTask.ConfigureAwait(false);

        // Handshakes in flight observe the cancellation and close themselves; established ones flush and close.
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        foreach (RpcAssociationHandle handle in _handles.Keys)
        {
            handle.Close(new ConnectionException(FailureKind.LocalClose, "the transport is shutting down"), graceful: true);
        }

        await Task.WhenAll(_handles.Keys.Select(h => h.Closed)).ConfigureAwait(false);
        _claim?.Dispose();
        AkkaRpcTransportExtension.Get(_system).Unregister(this);
        return true;
    }

    private static string DescribeAssociateFailure(Address remote, ConnectionException ex) => ex.RefusalCode switch
    {
        RefusalCode.BadCookie => $"The cookie was refused in the handshake with {remote}: the two sides use different cookie files ({ex.Message}).",
        RefusalCode.TooManyConnections => $"{remote} refused the connection: it is at its connection limit ({ex.Message}).",
        RefusalCode.WrongUser => $"{remote} refused the connection: this process runs as another user ({ex.Message}).",
        _ => $"The handshake with {remote} failed: {ex.Message}",
    };

    private async Task AcceptLoopAsync(Socket listenSocket)
    {
        try
        {
            // Akka completes the listener once its endpoint manager is ready; accepting starts then, as DotNetty does.
            await _associationListener.Task.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (true)
        {
            Socket accepted;
            try
            {
                accepted = await listenSocket.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested || Volatile.Read(ref _accepting) == 0 || !ReferenceEquals(listenSocket, Volatile.Read(ref _listenSocket)))
            {
                // Stopping, or this listener was replaced (RecreateSocketFile) and closed.
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // The client gave up before we accepted it; nothing to serve.
                continue;
            }
            catch (Exception ex)
            {
                _log.Error(ex, "AkkaRpc accept loop on {0} failed; no more connections are accepted", LocalAddress);
                return;
            }

            Task serve = ServeInboundAsync(accepted);
            _inFlight.TryAdd(serve, 0);
            _ = serve.ContinueWith(static (t, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(t, out _), _inFlight, TaskScheduler.Default);
        }
    }

    private async Task ServeInboundAsync(Socket accepted)
    {
        var connection = new SocketConnection(accepted, Settings, _log);
        int open = Interlocked.Increment(ref _open);
        int handshaking = Interlocked.Increment(ref _handshaking);
        bool established = false;
        try
        {
            (RefusalCode Code, string Reason)? refusal =
                open > Settings.MaxConnections ? (RefusalCode.TooManyConnections, $"the node already has its maximum of {Settings.MaxConnections} connections (max-connections)")
                : handshaking > Settings.MaxHandshakingConnections ? (RefusalCode.TooManyConnections, $"{Settings.MaxHandshakingConnections} connections are already in the handshake (max-handshaking-connections)")
                : _family.CheckPeer(accepted) is { } wrongUser ? (RefusalCode.WrongUser, wrongUser)
                : null;
            connection.Start();
            if (refusal is { } refused)
            {
                _log.Warning("AkkaRpc connection {0} refused: {1}", connection.Name, refused.Reason);
                await RefuseAsync(connection, refused.Code, refused.Reason).ConfigureAwait(false);
                return;
            }

            Address local = LocalAddress!;
            PeerInfo peer = await EstablishAsync(connection, local, server: true).ConfigureAwait(false);
            var handle = new RpcAssociationHandle(local, peer.Address, connection, peer, inbound: true, Settings.MaximumFrameSize, _log, Released);
            Interlocked.Increment(ref _inbound);
            Interlocked.Increment(ref _accepted);
            established = true;
            Interlocked.Decrement(ref _handshaking);
            Track(handle);
            if (_stopping.IsCancellationRequested)
            {
                handle.Close(new ConnectionException(FailureKind.LocalClose, "the transport is shutting down"), graceful: false);
                return;
            }

            IAssociationEventListener listener = await _associationListener.Task.ConfigureAwait(false);
            listener.Notify(new InboundAssociation(handle));
        }
        catch (Exception ex) when (ex is ConnectionException or OperationCanceledException)
        {
            // Logged and closed by EstablishAsync or RefuseAsync; every other connection carries on.
        }
        finally
        {
            if (!established)
            {
                Interlocked.Decrement(ref _handshaking);
                Interlocked.Decrement(ref _open);
            }
        }
    }

    private async Task RefuseAsync(SocketConnection connection, RefusalCode code, string reason)
    {
        try
        {
            await connection.Input.CompleteAsync().ConfigureAwait(false);
            connection.Send(FrameType.Refused, HandshakeMessages.EncodeRefused(code, reason));
            await connection.CloseAsync(RpcAssociationHandle.CloseLinger).ConfigureAwait(false);
        }
        catch (ConnectionException)
        {
            // The peer vanished first; the refusal is logged already.
        }
    }

    /// <summary>
    /// Runs one half of the handshake under the handshake timeout. On failure the reason is logged, the connection
    /// closed (a Refused frame, when one was queued, is flushed first) and the reason thrown.
    /// </summary>
    private async Task<PeerInfo> EstablishAsync(SocketConnection connection, Address local, bool server)
    {
        byte[] cookie = await _cookie.Value.ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(Settings.HandshakeTimeout, Settings.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, timeout.Token);
        try
        {
            PeerInfo peer = server
                ? await HandshakeProtocol.RunServerAsync(connection, local, Settings.MaximumFrameSize, cookie, linked.Token).ConfigureAwait(false)
                : await HandshakeProtocol.RunClientAsync(connection, local, Settings.MaximumFrameSize, cookie, linked.Token).ConfigureAwait(false);
            if (_log.IsDebugEnabled)
            {
                _log.Debug("AkkaRpc connection {0} authenticated {1}", connection.Name, peer.Address);
            }

            return peer;
        }
        catch (Exception ex)
        {
            ConnectionException failure = ex switch
            {
                ConnectionException known => known,
                OperationCanceledException when timeout.IsCancellationRequested => new ConnectionException(
                    FailureKind.HandshakeTimeout, $"the handshake did not finish within {Settings.HandshakeTimeout.TotalSeconds:0.###} s"),
                OperationCanceledException => new ConnectionException(FailureKind.LocalClose, "the handshake was cancelled: the transport is shutting down"),
                _ => new ConnectionException(FailureKind.ConnectionAborted, $"unexpected error during the handshake: {ex.Message}", ex),
            };
            _log.Warning("AkkaRpc handshake on {0} ({1}) failed: {2}", connection.Name, server ? "inbound" : "outbound", failure.Message);
            await connection.Input.CompleteAsync().ConfigureAwait(false);

            // A refusal or violation queued a Refused frame: close gracefully so the peer can read why.
            if (failure.Kind is FailureKind.HandshakeRefused or FailureKind.ProtocolViolation or FailureKind.FrameTooLarge)
            {
                await connection.CloseAsync(RpcAssociationHandle.CloseLinger).ConfigureAwait(false);
            }
            else
            {
                connection.Abort(failure);
                await connection.Completion.ConfigureAwait(false);
            }

            throw failure;
        }
    }

    private void Track(RpcAssociationHandle handle)
    {
        _handles.TryAdd(handle, 0);
        handle.Start();
    }

    private void Released(RpcAssociationHandle handle)
    {
        if (_handles.TryRemove(handle, out _) && handle.IsInbound)
        {
            Interlocked.Decrement(ref _inbound);
            Interlocked.Decrement(ref _open);
        }
    }
}
