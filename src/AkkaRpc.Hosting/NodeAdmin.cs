using AkkaRpc.Actors;
using AkkaRpc.Remote;
using AkkaRpc.Sqlite;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Hosting;

/// <summary>
/// <see cref="NodePaths.Admin"/>: answers <see cref="GetNodeStatus"/> from remoting's connection count and the databases'
/// supervisor, stops the node on <see cref="StopNode"/>, and stops it after <see cref="NodeOptions.IdleShutdown"/>
/// with no inbound connections. Stopping is the host's own stop, so it drains exactly as SIGTERM does.
/// </summary>
internal sealed class NodeAdmin : ReceiveActor
{
    // Status must answer even when the supervisor is stuck or already gone (the node is draining).
    private static readonly TimeSpan SupervisorTimeout = TimeSpan.FromSeconds(5);

    private readonly Remoting? _remoting;
    private readonly IActorRef? _databases;
    private readonly Action _stopNode;
    private readonly NodeOptions _options;
    private readonly DateTimeOffset _startedAt;
    private EventHandler<int>? _onConnections;
    private ICancelable? _idleTimer;
    private long _idleGeneration;
    private bool _stopping;

    private NodeAdmin(Remoting? remoting, IActorRef? databases, Action stopNode, NodeOptions options)
    {
        _remoting = remoting;
        _databases = databases;
        _stopNode = stopNode;
        _options = options;
        _startedAt = Context.System.TimeProvider.GetUtcNow();
        ReceiveAsync<GetNodeStatus>(_ => ReplyStatusAsync());
        Receive<StopNode>(OnStopNode);
        Receive<ConnectionsChanged>(_ => CheckIdle());
        Receive<IdleExpired>(OnIdleExpired);
    }

    /// <summary>Props for the admin; <paramref name="stopNode"/> stops the host (e.g. <c>IHostApplicationLifetime.StopApplication</c>).</summary>
    public static Props Props(Remoting? remoting, IActorRef? databases, Action stopNode, NodeOptions options) =>
        Actors.Props.Create(() => new NodeAdmin(remoting, databases, stopNode, options));

    /// <summary>Remoting's inbound connection count changed; the handler re-reads it.</summary>
    private sealed record ConnectionsChanged
    {
        public static ConnectionsChanged Instance { get; } = new();
    }

    private sealed record IdleExpired(long Generation);

    protected override void PreStart()
    {
        if (_options.IdleShutdown is null)
        {
            return;
        }

        if (_remoting is not null)
        {
            var self = Self;
            _onConnections = (_, _) => self.Tell(ConnectionsChanged.Instance, ActorRefs.NoSender);
            _remoting.InboundConnectionCountChanged += _onConnections;
        }

        // The clock starts at startup: a node spawned for a client that never connects still goes away.
        CheckIdle();
    }

    protected override void PostStop()
    {
        if (_onConnections is not null)
        {
            _remoting!.InboundConnectionCountChanged -= _onConnections;
        }

        _idleTimer?.Cancel();
    }

    private int Connections => _remoting?.InboundConnectionCount ?? 0;

    private async Task ReplyStatusAsync()
    {
        var sender = Sender;
        IReadOnlyList<DatabaseStatus> databases = [];
        if (_databases is not null)
        {
            try
            {
                databases = (await _databases.Ask<DatabasesSupervisor.StatusReport>(DatabasesSupervisor.GetStatus.Instance, SupervisorTimeout)).Databases;
            }
            catch (Exception ex) when (ex is AskTimeoutException or ActorNotFoundException)
            {
                Log.LogDebug("The databases' supervisor did not report ({Reason}); the status lists no databases", ex.Message);
            }
        }

        sender.Tell(
            new NodeStatus(
                Context.System.Name,
                Environment.ProcessId,
                [.. (_remoting?.Addresses ?? []).Select(a => a.ToString())],
                _startedAt,
                Connections,
                _options.IdleShutdown,
                databases),
            Self);
    }

    private void OnStopNode(StopNode stop)
    {
        Sender.Tell(new NodeStopping(Environment.ProcessId), Self);
        Stop($"asked by {Sender.Path}: {stop.Reason}");
    }

    private void CheckIdle()
    {
        if (_options.IdleShutdown is not { } idle || _stopping)
        {
            return;
        }

        if (Connections > 0)
        {
            // A connection is open: forget any pending expiry; the clock restarts when the last one closes.
            _idleTimer?.Cancel();
            _idleTimer = null;
            _idleGeneration++;
        }
        else if (_idleTimer is null)
        {
            _idleTimer = Context.System.Scheduler.ScheduleTellOnce(idle, Self, new IdleExpired(++_idleGeneration), Self);
        }
    }

    private void OnIdleExpired(IdleExpired expired)
    {
        // A stale timer (a connection came and went meanwhile) carries an old generation.
        if (expired.Generation != _idleGeneration || _stopping)
        {
            return;
        }

        _idleTimer = null;
        if (Connections > 0)
        {
            return;
        }

        Stop($"no connections for {_options.IdleShutdown}");
    }

    private void Stop(string reason)
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _idleTimer?.Cancel();
        Log.LogInformation("Stopping the node: {Reason}", reason);
        _stopNode();
    }
}
