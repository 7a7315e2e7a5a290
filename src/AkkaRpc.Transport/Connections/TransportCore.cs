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
    private readonly HandshakeSlots _slots;
    private readonly RefusalLog _refusals;
    private readonly InboundBudget _budget;
    private Socket? _listenSocket;
    private IDisposable? _claim;
    private Task _acceptTask = Task.CompletedTask;
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
        _slots = new HandshakeSlots(settings.MaxHandshakingConnections, settings.MaxHandshakingPerSource, maxWaiting: 4 * settings.Backlog);
        _refusals = new RefusalLog(_log, family.Scheme, settings.RefusalLogInterval, settings.TimeProvider);
        _budget = AkkaRpcTransportExtension.Get(system).InboundBudget(settings.MaxInboundBufferedBytes);
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

    /// <summary>Gets how many inbound connections are in the handshake now.</summary>
    public int HandshakingConnectionCount => _slots.Count;

    /// <summary>Gets the node-wide budget for buffered large inbound frames.</summary>
    public InboundBudget Budget => _budget;

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

            _reserve = OpenReserveDescriptor();
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

        (SocketConnection connection, PeerInfo peer) = await ConnectRetryingWhileBusyAsync(remote, endPoint, local).ConfigureAwait(false);

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

        connection.MarkEstablished();
        var handle = new RpcAssociationHandle(local, remote, connection, peer, inbound: false, Settings, _budget, _log, Released);
        Track(handle);
        return handle;
    }

    /// <summary>
    /// Connects and runs the handshake; a node that refuses only because it is busy (a full backlog, or out of
    /// descriptors: it is under a flood of connections) is tried again after a short pause, until the handshake
    /// timeout has passed.
    /// </summary>
    private async Task<(SocketConnection Connection, PeerInfo Peer)> ConnectRetryingWhileBusyAsync(Address remote, EndPoint endPoint, Address local)
    {
        long started = Settings.TimeProvider.GetTimestamp();
        TimeSpan pause = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            try
            {
                return await ConnectOnceAsync(remote, endPoint, local).ConfigureAwait(false);
            }
            catch (InvalidAssociationException ex) when (
                ex.InnerException is ConnectionException { RefusalCode: RefusalCode.TooManyConnections }
                && Settings.TimeProvider.GetElapsedTime(started) + pause < Settings.HandshakeTimeout)
            {
                // Jitter, so clients refused together do not come back together.
                await Task.Delay(pause + TimeSpan.FromMilliseconds(Random.Shared.Next(20)), Settings.TimeProvider).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(500).Ticks));
            }
            catch (InvalidAssociationException ex) when (
                ex.InnerException is SocketException { SocketErrorCode: SocketError.TryAgain or SocketError.WouldBlock }
                && Settings.TimeProvider.GetElapsedTime(started) < Settings.HandshakeTimeout)
            {
                // A Unix socket's backlog is full. The kernel keeps no queue of waiting connectors: whoever connects
                // when a place frees gets it, so backing off far would leave the places to a flood's tight loop.
                await Task.Delay(TimeSpan.FromMilliseconds(5 + Random.Shared.Next(5)), Settings.TimeProvider).ConfigureAwait(false);
            }
        }
    }

    private async Task<(SocketConnection Connection, PeerInfo Peer)> ConnectOnceAsync(Address remote, EndPoint endPoint, Address local)
    {
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

        return (connection, peer);
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
        _slots.CancelWaiting();

        // Handshakes in flight observe the cancellation and close themselves; established ones flush and close.
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        foreach (RpcAssociationHandle handle in _handles.Keys)
        {
            handle.Close(new ConnectionException(FailureKind.LocalClose, "the transport is shutting down"), graceful: true);
        }

        await Task.WhenAll(_handles.Keys.Select(h => h.Closed)).ConfigureAwait(false);
        _claim?.Dispose();
        _reserve?.Dispose();
        _refusals.Dispose();
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

    /// <summary>
    /// Takes an accepted socket into the handshake: refused at once over max-connections or from a wrong user, else
    /// served once it has a handshake slot, which may mean waiting for one in arrival order (see HandshakeSlots).
    /// </summary>
    private Task AdmitInbound(Socket accepted)
    {
        var connection = new SocketConnection(accepted, Settings, _log);
        var slot = new HandshakeSlot(connection, _family.SourceOf(accepted));
        (RefusalCode Code, string Reason)? refusal =
            Volatile.Read(ref _inbound) >= Settings.MaxConnections
                ? (RefusalCode.TooManyConnections, $"the node already has its maximum of {Settings.MaxConnections} authenticated connections (max-connections)")
            : _family.CheckPeer(accepted) is { } wrongUser ? (RefusalCode.WrongUser, wrongUser)
            : null;
        if (refusal is { } refused)
        {
            connection.Start();
            _refusals.Report(slot.Source, refused.Code == RefusalCode.WrongUser ? "wrong user" : "over max-connections", $"AkkaRpc connection {connection.Name} refused: {refused.Reason}");
            slot.Dispose();
            return RefuseAsync(connection, refused.Code, refused.Reason);
        }

        return WaitAndServeInboundAsync(slot);
    }

    private async Task WaitAndServeInboundAsync(HandshakeSlot slot)
    {
        try
        {
            if (await _slots.AdmitAsync(slot).ConfigureAwait(false) is { } evicted)
            {
                evicted.Slot.Drop(evicted.Reason);
            }
        }
        catch (OperationCanceledException)
        {
            slot.Dispose();
            await slot.Connection.DisposeAsync().ConfigureAwait(false);
            return;
        }

        slot.Connection.Start();
        await ServeInboundAsync(slot).ConfigureAwait(false);
    }

    private async Task ServeInboundAsync(HandshakeSlot slot)
    {
        SocketConnection connection = slot.Connection;
        using HandshakeSlot owned = slot;
        bool established = false;
        try
        {
            using ITimer silence = Settings.TimeProvider.CreateTimer(
                static state =>
                {
                    var s = (HandshakeSlot)state!;
                    if (s.IsSilent)
                    {
                        s.Drop("the peer sent nothing within silent-timeout of connecting");
                    }
                },
                slot,
                Settings.SilentTimeout,
                Timeout.InfiniteTimeSpan);
            Address local = LocalAddress!;
            PeerInfo peer = await EstablishAsync(connection, local, server: true, slot).ConfigureAwait(false);
            _slots.Release(slot);
            if (Interlocked.Increment(ref _inbound) > Settings.MaxConnections)
            {
                // Another handshake took the last authenticated place while this one ran.
                Interlocked.Decrement(ref _inbound);
                _refusals.Report(slot.Source, "over a connection cap", $"AkkaRpc connection {connection.Name} closed after its handshake: the node already has its maximum of {Settings.MaxConnections} authenticated connections (max-connections)");
                await connection.DisposeAsync().ConfigureAwait(false);
                return;
            }

            connection.MarkEstablished();
            var handle = new RpcAssociationHandle(local, peer.Address, connection, peer, inbound: true, Settings, _budget, _log, Released);
            Interlocked.Increment(ref _accepted);
            established = true;
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
            _slots.Release(slot);
            if (!established)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
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
    private async Task<PeerInfo> EstablishAsync(SocketConnection connection, Address local, bool server, HandshakeSlot? slot = null)
    {
        byte[] cookie = await _cookie.Value.ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(Settings.HandshakeTimeout, Settings.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, timeout.Token, slot?.Dropped ?? CancellationToken.None);
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
                // Told as a busy node's refusal, which a real client that was merely slow to speak retries at once.
                OperationCanceledException when slot?.DropReason is { } dropped => HandshakeProtocol.Refuse(connection, RefusalCode.TooManyConnections, dropped),
                OperationCanceledException when timeout.IsCancellationRequested => new ConnectionException(
                    FailureKind.HandshakeTimeout, $"the handshake did not finish within {Settings.HandshakeTimeout.TotalSeconds:0.###} s"),
                OperationCanceledException => new ConnectionException(FailureKind.LocalClose, "the handshake was cancelled: the transport is shutting down"),
                _ => new ConnectionException(FailureKind.ConnectionAborted, $"unexpected error during the handshake: {ex.Message}", ex),
            };
            string line = $"AkkaRpc handshake on {connection.Name} ({(server ? "inbound" : "outbound")}) failed: {failure.Message}";
            if (slot is not null)
            {
                // The slot is free as soon as the handshake failed, not after the close's linger: under a flood of bad
                // peers, slots held while refused peers read their Refused frame would keep good peers out.
                _slots.Release(slot);

                // An inbound peer that fails the handshake is anyone who can connect: rate-limited, so a flood cannot fill the log.
                _refusals.Report(slot.Source, slot.DropReason is null ? ReasonOf(failure) : "silent", line);
            }
            else
            {
                _log.Warning(line);
            }

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

    private static string ReasonOf(ConnectionException failure) => failure.Kind switch
    {
        FailureKind.HandshakeTimeout => "too slow",
        FailureKind.HandshakeRefused => "refused in the handshake (" + failure.RefusalCode + ")",
        FailureKind.ProtocolViolation or FailureKind.FrameTooLarge => "not speaking the protocol",
        _ => "closed or reset during the handshake",
    };

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
        }
    }
}
