using System.Net;
using System.Net.Sockets;
using AkkaRpc.Actors;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote;

/// <summary>
/// Everything this node sends to one peer node. An outbound association connects on first use and reconnects on
/// the next use after its connection dropped; messages sent meanwhile wait, in order, up to a bound. An inbound
/// association lives as long as the connection the peer opened.
/// </summary>
internal sealed class Association
{
    private readonly Remoting _remoting;
    private readonly Lock _gate = new();
    private readonly Queue<PendingSend> _pending = new();
    private readonly bool _outbound;
    private Link? _link;
    private bool _connecting;
    private bool _dead;

    private Association(Remoting remoting, Address remoteAddress, bool outbound)
    {
        _remoting = remoting;
        RemoteAddress = remoteAddress;
        _outbound = outbound;
    }

    /// <summary>The peer's address (for an inbound peer, a descriptive one that cannot be dialled).</summary>
    public Address RemoteAddress { get; }

    public ActorSystem System => _remoting.System;

    /// <summary>The open connection's link, if any.</summary>
    internal Link? CurrentLink => Volatile.Read(ref _link);

    public static Association Outbound(Remoting remoting, Address address) => new(remoting, address, outbound: true);

    public static Association Inbound(Remoting remoting, RemoteConnection connection)
    {
        var address = connection.RemoteEndPoint is IPEndPoint ip
            ? new Address("akkarpc.tcp", connection.RemoteSystemName, ip.Address.ToString(), ip.Port)
            : new Address("akkarpc.unix", connection.RemoteSystemName, $"/peer/{connection.RemoteUid:x}");
        var association = new Association(remoting, address, outbound: false);
        association.Attach(connection);
        return association;
    }

    /// <summary>A reference to the actor at <paramref name="elements"/> on the peer.</summary>
    public RemoteActorRef RefFor(string[] elements, long uid) => new(this, new ActorPath(RemoteAddress, elements, uid));

    public void SendUser(RemoteActorRef recipient, object message, IActorRef? sender)
    {
        var link = Volatile.Read(ref _link);
        if (link is not null && link.SendUser(recipient, message, sender))
        {
            return;
        }

        Enqueue(new PendingSend(recipient, null, message, sender));
    }

    public void SendSelection(string path, object message, IActorRef? sender)
    {
        var link = Volatile.Read(ref _link);
        if (link is not null && link.SendSelection(path, message, sender))
        {
            return;
        }

        Enqueue(new PendingSend(null, path, message, sender));
    }

    public void SendSystem(RemoteActorRef target, SystemMessage message)
    {
        var link = Volatile.Read(ref _link);
        if (link is not null && link.SendSystem(target, message))
        {
            return;
        }

        Enqueue(new PendingSend(target, null, message, null));
    }

    /// <summary>The error an ask sees when its reply cannot come: the request may or may not have run.</summary>
    public RemoteConnectionLostException LostError(RemoteTransportException? reason) => new(
        $"The connection to {RemoteAddress} was lost before the reply arrived, so the outcome is unknown: the request may or may not have run. " +
        $"It was not retried.{(reason is null ? "" : " Cause: " + reason.Message)}",
        reason);

    /// <summary>A message that will not be sent: its asker fails with <paramref name="reason"/>, and it becomes a dead letter.</summary>
    public void Undeliverable(object message, IActorRef? sender, IActorRef? recipient, Exception reason)
    {
        if (sender is IPromiseRef promise)
        {
            promise.Fail(reason);
        }

        if (message is SystemMessage)
        {
            if (message is Watch watch)
            {
                // The watched actor is as good as dead: its node cannot be reached.
                ((InternalActorRef)watch.Watcher).SendSystemMessage(new DeathWatchNotification(watch.Watchee, ExistenceConfirmed: false, AddressTerminated: true));
            }

            return;
        }

        _remoting.Logger.LogDebug("Not sent to {Recipient}: {Reason}", recipient?.Path.ToString() ?? RemoteAddress.ToString(), reason.Message);
        System.DeadLetters.Tell(new DeadLetter(message, sender, recipient ?? System.DeadLetters), sender);
    }

    public void OnLinkClosed(Link link, RemoteTransportException reason)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_link, link))
            {
                _link = null;
            }

            // An inbound peer cannot be called back; an outbound one is dialled again on next use.
            _dead = !_outbound;
        }

        if (!_outbound)
        {
            _remoting.Forget(this);
        }
    }

    /// <summary>Closes the current connection, if any; an outbound association may connect again later.</summary>
    public void Close(RemoteTransportException reason) => Volatile.Read(ref _link)?.Close(reason);

    private void Attach(RemoteConnection connection)
    {
        var link = new Link(this, connection, _remoting);
        _link = link;
        link.Start();
    }

    private void Enqueue(PendingSend send)
    {
        Exception? refusal = null;
        lock (_gate)
        {
            // Re-check under the lock: a connection may have just been made and the queue flushed.
            if (_link is { IsOpen: true } link)
            {
                if (send.Deliver(link))
                {
                    return;
                }
            }

            if (_remoting.IsDisposed)
            {
                refusal = new RemoteConnectionLostException($"Remoting on this node is shut down; nothing more is sent to {RemoteAddress}.");
            }
            else if (_dead)
            {
                refusal = new RemoteConnectionLostException($"The connection from {RemoteAddress} is closed, and this node cannot reconnect to it (the peer connected to us).");
            }
            else if (_pending.Count >= _remoting.Options.MaxPendingMessages)
            {
                refusal = new RemoteConnectionLostException($"{_pending.Count} messages already wait for the connection to {RemoteAddress}; this one was not queued.");
            }
            else
            {
                _pending.Enqueue(send);
                if (!_connecting)
                {
                    _connecting = true;
                    _ = Task.Run(ConnectAsync);
                }
            }
        }

        if (refusal is not null)
        {
            send.Refuse(this, refusal);
        }
    }

    private async Task ConnectAsync()
    {
        RemoteConnection? connection = null;
        Exception? failure = null;
        try
        {
            using var timeout = new CancellationTokenSource(_remoting.Options.ConnectTimeout);
            connection = await RemoteTransport.ConnectAsync(EndPointOf(RemoteAddress), _remoting.TransportOptions, _remoting.System.LoggerFactory, timeout.Token).ConfigureAwait(false);
            if (connection.RemoteSystemName != RemoteAddress.System)
            {
                failure = new RemoteTransportException(TransportFailureKind.HandshakeRefused, $"The node at {RemoteAddress} is actor system '{connection.RemoteSystemName}', not '{RemoteAddress.System}'.");
                await connection.DisposeAsync().ConfigureAwait(false);
                connection = null;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever failed (a refused socket, a timeout, an unusable address, an unreadable cookie), the queued
            // sends must be refused below, or they would wait for a connection that never comes.
            failure = e is OperationCanceledException
                ? new RemoteTransportException(TransportFailureKind.Unreachable, $"Connecting to {RemoteAddress} took longer than {_remoting.Options.ConnectTimeout.TotalSeconds:0.#} s.")
                : e;
        }

        PendingSend[] refused = [];
        lock (_gate)
        {
            _connecting = false;
            if (connection is not null)
            {
                var link = new Link(this, connection, _remoting);
                link.Start();
                while (_pending.TryDequeue(out var send))
                {
                    if (!send.Deliver(link))
                    {
                        refused = [send, .. _pending];
                        _pending.Clear();
                        break;
                    }
                }

                Volatile.Write(ref _link, link);
            }
            else
            {
                refused = [.. _pending];
                _pending.Clear();
            }
        }

        if (refused.Length > 0)
        {
            var reason = new RemoteUnreachableException(
                $"Could not reach {RemoteAddress}: {failure?.Message ?? "the connection closed at once"}. Is a node running there, with the same cookie?",
                failure);
            _remoting.Logger.LogWarning("{Reason}", reason.Message);
            foreach (var send in refused)
            {
                send.Refuse(this, reason);
            }
        }
    }

    private static EndPoint EndPointOf(Address address) => address.Protocol switch
    {
        "akkarpc.unix" => new UnixDomainSocketEndPoint(address.Host!),
        "akkarpc.tcp" when address.Host is "localhost" => new IPEndPoint(IPAddress.Loopback, address.Port ?? 0),
        "akkarpc.tcp" when IPAddress.TryParse(address.Host, out var ip) => new IPEndPoint(ip, address.Port ?? 0),
        "akkarpc.tcp" => new DnsEndPoint(address.Host!, address.Port ?? 0),
        _ => throw new NotSupportedException($"Unknown protocol '{address.Protocol}' in {address}; use akkarpc.tcp or akkarpc.unix."),
    };

    /// <summary>A send waiting for the connection.</summary>
    private sealed record PendingSend(RemoteActorRef? Target, string? SelectionPath, object Message, IActorRef? Sender)
    {
        public bool Deliver(Link link) => Message switch
        {
            SystemMessage system => link.SendSystem(Target!, system),
            _ when SelectionPath is not null => link.SendSelection(SelectionPath, Message, Sender),
            _ => link.SendUser(Target!, Message, Sender),
        };

        public void Refuse(Association association, Exception reason) =>
            association.Undeliverable(Message, Sender, Target, reason);
    }
}
