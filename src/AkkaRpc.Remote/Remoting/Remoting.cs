using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote;

/// <summary>
/// Makes an <see cref="ActorSystem"/> reachable from other processes and lets it reach theirs: listeners on TCP
/// and/or a Unix socket, <c>ActorSelection("akkarpc.tcp://Sys@host:port/user/a")</c> and remote <c>Ask</c>,
/// remote death watch with a failure detector. Start it with <see cref="StartAsync"/>; a client-only node starts it
/// with no listener.
/// </summary>
public sealed class Remoting : IAsyncDisposable, IRemoteActorRefProvider
{
    private const int MaxAssociationsFromWire = 256;
    private static readonly TimeSpan ShutdownLinger = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Address, Association> _outbound = new();
    private readonly ConcurrentDictionary<Association, byte> _inbound = new();
    private readonly List<(TransportListener Listener, Task Accepting)> _listeners = [];
    private readonly List<Address> _addresses = [];
    private int _disposed;
    private int _inboundCount;

    private Remoting(ActorSystem system, RemotingOptions options, CodecRegistry codecs)
    {
        System = system;
        Options = options;
        Codecs = codecs;
        Logger = system.LoggerFactory.CreateLogger<Remoting>();
        TransportOptions = options.Transport.Clone();
        TransportOptions.SystemName = system.Name;
        TransportOptions.UnixSocketPath = null;
    }

    /// <summary>The system this remoting serves.</summary>
    public ActorSystem System { get; }

    /// <summary>The settings it runs with.</summary>
    public RemotingOptions Options { get; }

    /// <summary>The message codecs: only registered message types cross the wire.</summary>
    public CodecRegistry Codecs { get; }

    /// <summary>This node's addresses, one per listener (empty for a client-only node).</summary>
    public IReadOnlyList<Address> Addresses => _addresses;

    /// <summary>The TCP address, e.g. <c>akkarpc.tcp://AkkaRpc@127.0.0.1:4053</c>, if listening on TCP.</summary>
    public Address? TcpAddress => _addresses.FirstOrDefault(a => a.Protocol == "akkarpc.tcp");

    /// <summary>The Unix socket address, e.g. <c>akkarpc.unix://AkkaRpc@/run/user/1000/akkarpc/node.sock</c>, if listening on one.</summary>
    public Address? UnixAddress => _addresses.FirstOrDefault(a => a.Protocol == "akkarpc.unix");

    /// <summary>How many connections other nodes opened to this one are open now (authenticated ones only).</summary>
    public int InboundConnectionCount => Volatile.Read(ref _inboundCount);

    /// <summary>
    /// Raised, with the new <see cref="InboundConnectionCount"/>, after an inbound connection was accepted or has
    /// closed. It runs on the thread that saw the change, so a handler must be quick and must not throw; events from
    /// different threads may arrive out of order, so a handler that needs the current value re-reads the property.
    /// </summary>
    public event EventHandler<int>? InboundConnectionCountChanged;

    internal ILogger Logger { get; }

    internal RemoteTransportOptions TransportOptions { get; }

    /// <summary>Starts remoting for <paramref name="system"/>: binds the listeners the options ask for.</summary>
    /// <param name="system">The actor system; it may have only one remoting.</param>
    /// <param name="options">Listeners, limits and failure detection.</param>
    /// <param name="codecs">The message codecs (frozen here); null for the kernel's built-in ones only.</param>
    /// <param name="cancellationToken">Cancels binding.</param>
    /// <exception cref="InvalidOperationException">The system already has remoting, or an address is taken.</exception>
    public static async Task<Remoting> StartAsync(ActorSystem system, RemotingOptions options, CodecRegistry? codecs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        codecs ??= CodecRegistry.CreateDefault();
        codecs.Freeze();
        if (system.RemoteProvider is not null)
        {
            throw new InvalidOperationException($"Remoting is already started for actor system '{system.Name}'.");
        }

        var remoting = new Remoting(system, options, codecs);
        try
        {
            if (options.ListenTcp)
            {
                await remoting.ListenTcpAsync(cancellationToken).ConfigureAwait(false);
            }

            if (options.UnixSocketPath is { } path)
            {
                var unix = remoting.TransportOptions.Clone();
                unix.UnixSocketPath = path;
                await remoting.ListenAsync(unix, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await remoting.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        system.RemoteProvider = remoting;
        return remoting;
    }

    /// <summary>
    /// Shuts remoting down: every connection is told why and closed after the frames already queued on it (replies to
    /// requests drained before this still go out), within a few seconds; then the listeners stop and the Unix socket
    /// file is removed. Sends after this are refused.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (ReferenceEquals(System.RemoteProvider, this))
        {
            System.RemoteProvider = null;
        }

        // New connections are refused first, so clients look for another node instead of reaching one about to go.
        foreach (var (listener, _) in _listeners)
        {
            listener.StopAccepting();
        }

        var links = _outbound.Values.Concat(_inbound.Keys).Select(a => a.CurrentLink).OfType<Link>().ToList();
        foreach (var link in links)
        {
            link.Disconnect("the node is shutting down");
        }

        try
        {
            await Task.WhenAll(links.Select(l => l.Connection.Closed)).WaitAsync(ShutdownLinger).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var abort = new RemoteTransportException(TransportFailureKind.LocalClose, "remoting is shutting down");
            foreach (var link in links)
            {
                link.Close(abort);
            }
        }

        foreach (var (listener, accepting) in _listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
            await accepting.ConfigureAwait(false);
        }
    }

    /// <summary>True once <see cref="DisposeAsync"/> has begun: nothing more is sent or connected.</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    bool IRemoteActorRefProvider.IsLocalAddress(Address address) => _addresses.Any(a => SameAddress(a, address));

    ICanTell IRemoteActorRefProvider.CreateSelection(ActorPath path) =>
        new RemoteSelection(GetOutbound(path.Address), path.ToStringWithoutAddress());

    /// <summary>A reference for a full path read off the wire: local if it names this node, else through that node's association.</summary>
    internal IActorRef? ResolvePath(ActorPath path)
    {
        if (System.Address.Equals(path.Address) || _addresses.Any(a => SameAddress(a, path.Address)))
        {
            var local = System.ResolveLocal(path.ToStringWithoutAddress());
            return local is not null && (path.Uid == 0 || local.Path.Uid == path.Uid) ? local : null;
        }

        // A peer names other nodes only to pass references along; it must not make this node collect (and dial)
        // any number of addresses.
        if (!_outbound.ContainsKey(Key(path.Address)) && _outbound.Count >= MaxAssociationsFromWire)
        {
            return null;
        }

        return GetOutbound(path.Address).RefFor([.. path.Elements], path.Uid);
    }

    /// <summary>The outbound association to <paramref name="address"/>, for diagnostics and tests.</summary>
    internal Association OutboundTo(Address address) => GetOutbound(address);

    internal void Forget(Association inbound)
    {
        if (_inbound.TryRemove(inbound, out _))
        {
            OnInboundCountChanged(Interlocked.Decrement(ref _inboundCount));
        }
    }

    private Association GetOutbound(Address address) =>
        _outbound.GetOrAdd(Key(address), static (a, self) => Association.Outbound(self, a), this);

    private static Address Key(Address address) => address with { Host = address.Host is "localhost" ? "127.0.0.1" : address.Host };

    /// <summary>Binds the first free port of <c>port .. port + TcpPortSearch - 1</c>, in order, as the seed's NetSQLite does.</summary>
    private async Task ListenTcpAsync(CancellationToken cancellationToken)
    {
        var first = TransportOptions.Port;
        var count = first == 0 ? 1 : Options.TcpPortSearch;
        SocketException? taken = null;
        for (var port = first; port < first + count; port++)
        {
            var attempt = TransportOptions.Clone();
            attempt.Port = port;
            TransportListener listener;
            try
            {
                listener = await TransportListener.StartAsync(attempt, System.LoggerFactory, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                taken = ex;
                Logger.LogDebug("TCP port {Port} on {Host} is taken; trying the next one", port, attempt.BindAddress);
                continue;
            }

            Listening(listener, attempt);
            return;
        }

        var range = count == 1 ? $"TCP port {first}" : $"Every TCP port from {first} to {first + count - 1}";
        throw new InvalidOperationException(
            $"{range} on {TransportOptions.BindAddress} is taken (akkarpc.remote.tcp.port = {first}, port-search = {count}); " +
            "stop what holds it, or choose another port or a wider search.",
            taken);
    }

    private async Task ListenAsync(RemoteTransportOptions options, CancellationToken cancellationToken) =>
        Listening(await TransportListener.StartAsync(options, System.LoggerFactory, cancellationToken).ConfigureAwait(false), options);

    private void Listening(TransportListener listener, RemoteTransportOptions options)
    {
        var address = listener.LocalEndPoint is IPEndPoint ip
            ? new Address("akkarpc.tcp", System.Name, ip.Address.ToString(), ip.Port)
            : new Address("akkarpc.unix", System.Name, options.UnixSocketPath);
        _addresses.Add(address);
        _listeners.Add((listener, Task.Run(() => AcceptAsync(listener), CancellationToken.None)));
        Logger.LogInformation("Actor system {System} listening at {Address}", System.Name, address);
    }

    private async Task AcceptAsync(TransportListener listener)
    {
        await foreach (var connection in listener.Connections.ReadAllAsync().ConfigureAwait(false))
        {
            // Counted before the association starts: its link may close, and Forget it, at once.
            OnInboundCountChanged(Interlocked.Increment(ref _inboundCount));
            var association = Association.Inbound(this, connection);
            _inbound[association] = 0;

            // If the link closed before the line above, Forget found nothing to remove; whichever of Forget and this
            // removes the entry first uncounts it, so it is uncounted exactly once.
            if (association.CurrentLink is null && _inbound.TryRemove(association, out _))
            {
                OnInboundCountChanged(Interlocked.Decrement(ref _inboundCount));
            }
        }
    }

    private void OnInboundCountChanged(int count)
    {
        try
        {
            InboundConnectionCountChanged?.Invoke(this, count);
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "A handler of InboundConnectionCountChanged failed");
        }
    }

    private static bool SameAddress(Address a, Address b) =>
        a.Protocol == b.Protocol && a.System == b.System && a.Port == b.Port
        && (a.Host == b.Host || (IsLoopbackName(a.Host) && IsLoopbackName(b.Host)));

    private static bool IsLoopbackName(string? host) => host is "localhost" or "127.0.0.1";
}
