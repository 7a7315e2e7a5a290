using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Hosting.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaRpc.Client;

/// <summary>
/// A client's actor system (Akka.Remote over our transports, listening nowhere), its association monitor and its
/// <see cref="NodeLocator"/>s. One is shared by every handle of the process, so they share one connection per node; a
/// private one belongs to a single handle; an application's own system can be borrowed (<see cref="Borrow"/>).
/// </summary>
/// <remarks>
/// After a live association of an owned runtime drops, the next request starts a new actor system (a new address and
/// UID, which a node that lived on takes as a new peer; see <see cref="Dropped"/>) and references from the old one are
/// resolved again on it. The old system stops once its running requests end, and with it its session: transactions
/// opened through it are rolled back. A borrowed system is never replaced.
/// </remarks>
internal sealed class ClientRuntime : IAsyncDisposable
{
    private const string SystemName = "akkarpc-client";
    private const int MaxUnsentAttempts = 6;
    private static readonly SemaphoreSlim s_sharedGate = new(1, 1);
    private static readonly Dictionary<TransportKey, ClientRuntime> s_shared = [];

    // One runtime (association monitor, locators) per application system, however many handles it opens.
    private static readonly ConditionalWeakTable<ActorSystem, ClientRuntime> s_borrowed = new();
    private readonly ConcurrentDictionary<LocatorKey, NodeLocator> _locators = new();
    private readonly Func<ActorSystem>? _restart;
    private readonly TimeSpan _associationDeadline;
    private readonly Lock _gate = new();
    private readonly List<ClientIncarnation> _retired = [];
    private volatile ClientIncarnation _current;
    private volatile bool _renew;
    private bool _closed;

    private ClientRuntime(ActorSystem system, ILoggerFactory loggerFactory, Func<ActorSystem>? restart, bool isShared, TimeSpan connectTimeout)
    {
        // Our handshake, then Akka.Remote's, each bounded by the connect timeout.
        _associationDeadline = connectTimeout * 2;
        LoggerFactory = loggerFactory;
        _restart = restart;
        _current = Incarnate(system);
        IsShared = isShared;
    }

    /// <summary>Gets the actor system requests start on now (an owned runtime moves to a new one after a dropped association).</summary>
    public ActorSystem System => _current.System;

    public NodeLinks Links => _current.Links;

    /// <summary>Gets the actor that holds this runtime's transactions: when it is gone, so are they.</summary>
    public IActorRef Session => _current.Session;

    public ILoggerFactory LoggerFactory { get; }

    public bool IsShared { get; }

    /// <summary>
    /// The process-wide runtime for these transport settings (cookie, connect timeout, logging), started on first use.
    /// Handles with the same settings share it and so share one connection per node.
    /// </summary>
    public static async ValueTask<ClientRuntime> SharedAsync(AkkaRpcClientOptions options, CancellationToken cancellationToken)
    {
        var key = TransportKey.Of(options);
        await s_sharedGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!s_shared.TryGetValue(key, out var runtime))
            {
                runtime = Start(options, isShared: true);
                s_shared.Add(key, runtime);
            }

            return runtime;
        }
        finally
        {
            s_sharedGate.Release();
        }
    }

    public static ClientRuntime StartPrivate(AkkaRpcClientOptions options) => Start(options, isShared: false);

    /// <summary>
    /// A runtime on an application's own system, which must already run Akka.Remote with our transports and serializers
    /// (the hosting layer's <c>WithAkkaRpcClient</c> sets that up); disposing it leaves the system running.
    /// </summary>
    public static ClientRuntime Borrow(ActorSystem system, ILoggerFactory? loggerFactory) =>
        s_borrowed.GetValue(system, s => new ClientRuntime(s, loggerFactory ?? NullLoggerFactory.Instance, restart: null, isShared: true, new AkkaRpcClientOptions().ConnectTimeout));

    /// <summary>Closes the shared runtimes, if started: their connections close; the next connect starts new ones.</summary>
    public static async Task ShutdownSharedAsync()
    {
        await s_sharedGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var runtimes = s_shared.Values.ToList();
            s_shared.Clear();
            foreach (var runtime in runtimes)
            {
                await runtime.CloseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            s_sharedGate.Release();
        }
    }

    /// <summary>The locator for these endpoints and spawn settings; handles that look in the same places share it, and so share the node they found.</summary>
    public NodeLocator LocatorFor(AkkaRpcClientOptions options) =>
        _locators.GetOrAdd(LocatorKey.Of(options), static (_, state) => new NodeLocator(state.Runtime, state.Options.Clone(), state.Runtime.LoggerFactory.CreateLogger<NodeLocator>()), (Runtime: this, Options: options));

    /// <summary>
    /// Asks <paramref name="target"/> on <paramref name="node"/> and fails at once, with <see cref="AssociationLostException"/>,
    /// if the association with that node fails or drops before the reply: no ask waits out its timeout for a dead node.
    /// </summary>
    /// <exception cref="AssociationLostException">The association failed or dropped; it says whether the message could have arrived.</exception>
    /// <exception cref="AskTimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<T> AskAsync<T>(ICanTell target, Address node, object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // One method, one state machine, one token source per attempt: this is every request's hot path (each proxy
        // call and each database statement), so its cost is paid once per call rather than per layer.
        var delay = TimeSpan.FromMilliseconds(5);
        for (var attempt = 1; ; attempt++)
        {
            var incarnation = Enter();
            var links = incarnation.Links;
            var link = links.For(node);
            var ticket = link.Take();

            // Ends the ask early in any of three ways: the caller's token (linked only if it can fire), the association
            // the request goes out on failing (the ticket's token), or the message turning up in dead letters (the
            // delivery watch cancels it). Which one it was is told apart afterwards by the first two tokens' state.
            var early = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ticket.Lost)
                : CancellationTokenSource.CreateLinkedTokenSource(ticket.Lost);
            var watched = links.WatchDelivery(message, early);
            try
            {
                var ask = incarnation.Translate(target).Ask<T>(message, timeout, early.Token);
                if (!ticket.WasAssociated && link.Exact && !await AssociatesInTimeAsync(ask, link, ticket, early.Token).ConfigureAwait(false))
                {
                    await early.CancelAsync().ConfigureAwait(false);
                    throw new AssociationLostException(node, AssociationLoss.NeverCameUp, $"no connection to the node came up within {_associationDeadline.TotalSeconds:0.#} s");
                }

                return await ask.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (early.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                if (ticket.Lost.IsCancellationRequested)
                {
                    // Checked first: a failed association also drops its buffered messages, and its own error says why.
                    throw new AssociationLostException(
                        node, link.MayHaveArrived(ticket) ? AssociationLoss.Dropped : AssociationLoss.NeverCameUp, link.LastFailure ?? "the connection closed");
                }

                // Only the delivery watch is left: Akka.Remote dropped the message unsent (handed to a connection that
                // was closing). It is sent again below; the next one opens a new connection once the endpoint is gone,
                // which takes Akka.Remote a moment.
                if (attempt >= MaxUnsentAttempts)
                {
                    throw new AssociationLostException(node, AssociationLoss.DroppedUnsent, "the request was dropped unsent: its connection was closing");
                }
            }
            finally
            {
                if (watched)
                {
                    links.UnwatchDelivery(message);
                }

                early.Dispose();
                incarnation.Exit();
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }

    // With no association up when it was sent, a message arrives only over one that comes up after: if none has by the
    // deadline (a TLS handshake that never finishes, say), the message certainly never left. Only sound where the link
    // has seen every event of its association (this runtime's own system), so a borrowed system skips it.
    private async Task<bool> AssociatesInTimeAsync<T>(Task<T> ask, NodeLink link, NodeLink.Ticket ticket, CancellationToken cancellationToken)
    {
        var deadline = Task.Delay(_associationDeadline, cancellationToken);
        return await Task.WhenAny(ask, deadline).ConfigureAwait(false) != deadline || deadline.IsCanceled || link.MayHaveArrived(ticket);
    }

    /// <summary>Closes a private runtime; the shared one lives until <see cref="ShutdownSharedAsync"/> or process exit.</summary>
    public ValueTask DisposeAsync() => IsShared ? ValueTask.CompletedTask : new ValueTask(CloseAsync());

    private static ClientRuntime Start(AkkaRpcClientOptions options, bool isShared)
    {
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var config = AkkaRpcClientConfig.Build(options, logToFactory: options.LoggerFactory is not null);
        var tls = AkkaRpcClientConfig.Setup(options);
        if (options.LoggerFactory is null && tls is null)
        {
            // ActorSystem.Create(name, ActorSystemSetup) also reads the app.config's akka section through
            // System.Configuration, even when the setup carries the config: about 350 more methods for a JIT-compiled
            // client to compile at every start. With nothing but the config to give, this overload skips it.
            return new ClientRuntime(ActorSystem.Create(SystemName, config), loggerFactory, () => ActorSystem.Create(SystemName, config), isShared, options.ConnectTimeout);
        }

        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config));
        if (options.LoggerFactory is { } factory)
        {
            setup = setup.And(new LoggerFactorySetup(factory));
        }

        if (tls is not null)
        {
            setup = setup.And(tls);
        }

        return new ClientRuntime(ActorSystem.Create(SystemName, setup), loggerFactory, () => ActorSystem.Create(SystemName, setup), isShared, options.ConnectTimeout);
    }

    private ClientIncarnation Incarnate(ActorSystem system) =>
        // A borrowed system may have associated with nodes before this runtime listened to its events, so until an
        // event says otherwise every link counts as up: a request that drops is then outcome unknown, never resent.
        new(system, assumeAssociated: _restart is null, _restart is null ? null : Dropped);

    // A live association of the current system dropped. When a node stops answering but lives on (SIGSTOP, a paused
    // container), it still holds its endpoint for this system's address and UID once it resumes; a reconnect from the
    // same system is then taken as a second, read-only connection of that old incarnation (Akka.Remote's
    // EndpointManager hands the inbound connection over to the old endpoint), and the node's replies go to the old
    // endpoint, which for a client that listens nowhere can never connect again: every later request would time out.
    // A new actor system has a new address and UID, which the node takes as a new peer, so the next request moves to one.
    private void Dropped(NodeLinks links)
    {
        if (ReferenceEquals(links, _current.Links))
        {
            _renew = true;
        }
    }

    /// <summary>The incarnation a request starts on, counted until <see cref="ClientIncarnation.Exit"/>; moves to a new one first if the last dropped an association.</summary>
    private ClientIncarnation Enter()
    {
        while (true)
        {
            if (_renew)
            {
                Renew();
            }

            var incarnation = _current;
            if (incarnation.TryEnter())
            {
                return incarnation;
            }
        }
    }

    private void Renew()
    {
        ClientIncarnation old;
        lock (_gate)
        {
            if (!_renew || _closed || _restart is null)
            {
                return;
            }

            _renew = false;
            old = _current;
            _current = Incarnate(_restart());
            _retired.Add(old);
        }

        // Requests still running on the old system (to other nodes, say) finish there; it stops after the last.
        _ = old.System.WhenTerminated.ContinueWith(
            _ =>
            {
                lock (_gate)
                {
                    _retired.Remove(old);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        old.Retire();
    }

    private async Task CloseAsync()
    {
        if (_restart is null)
        {
            return;
        }

        List<ClientIncarnation> incarnations;
        lock (_gate)
        {
            _closed = true;
            incarnations = [.. _retired, _current];
            _retired.Clear();
        }

        await Task.WhenAll(incarnations.Select(i => i.System.Terminate())).ConfigureAwait(false);
    }

    private sealed record TransportKey(string? CookiePath, TimeSpan ConnectTimeout, ILoggerFactory? LoggerFactory, bool DotNetty, string? Certificate)
    {
        public static TransportKey Of(AkkaRpcClientOptions o) =>
            new(o.CookiePath is null ? null : Path.GetFullPath(o.CookiePath), o.ConnectTimeout, o.LoggerFactory, o.UsesDotNetty, o.DotNettyCertificate);
    }

    private sealed record LocatorKey(
        string? UnixSocket, string TcpHost, int TcpPort, int TcpPortCount, string SystemName, bool AutoSpawn, string? RuntimeDirectory,
        string? DataDirectory, string? ServerExecutable, TimeSpan SpawnTimeout, TimeSpan IdleShutdown, TimeSpan RequestTimeout, string? NodeAddress)
    {
        public static LocatorKey Of(AkkaRpcClientOptions o) => new(
            o.UnixSocket, o.TcpHost, o.TcpPort, o.TcpPortCount, o.SystemName, o.AutoSpawn, o.RuntimeDirectory,
            o.DataDirectory, o.ServerExecutable, o.SpawnTimeout, o.IdleShutdown, o.RequestTimeout, o.NodeAddress);
    }
}
