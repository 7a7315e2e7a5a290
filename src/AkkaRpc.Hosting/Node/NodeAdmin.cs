using Akka.Actor;
using Akka.Event;
using Akka.Remote;
using AkkaRpc.Protocol;
using AkkaRpc.Sqlite;
using AkkaRpc.Transport;

namespace AkkaRpc.Hosting;

/// <summary>
/// <see cref="NodePaths.Admin"/>: answers <see cref="GetNodeStatus"/> from the transports' connection count and the
/// databases' supervisor, stops the node on <see cref="StopNode"/>, and stops it after <see cref="NodeOptions.IdleShutdown"/>
/// with no inbound connections. Stopping runs Akka's <see cref="CoordinatedShutdown"/>, so it drains exactly as SIGTERM does.
/// Every <see cref="NodeOptions.SocketCheckInterval"/> it has the transports listen again at a Unix socket path whose
/// file was removed.
/// </summary>
internal sealed class NodeAdmin : ReceiveActor, IWithTimers
{
    // Status must answer even when the supervisor is stuck or already gone (the node is draining).
    private static readonly TimeSpan SupervisorTimeout = TimeSpan.FromSeconds(5);

    // The idle clock is checked this often (at most; a short idle-shutdown checks more often).
    private static readonly TimeSpan MaxIdleCheckInterval = TimeSpan.FromSeconds(1);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _databases;
    private readonly NodeOptions _options;
    private readonly AkkaRpcTransportExtension _transports;
    private readonly DateTimeOffset _startedAt;
    private DateTimeOffset _lastConnected;
    private long _acceptedAtLastCheck;
    private bool _stopping;

    // Public: Akka creates actors through their public constructors (Props.Create only names it).
    public NodeAdmin(IActorRef databases, NodeOptions options)
    {
        _databases = databases;
        _options = options;
        _transports = AkkaRpcTransportExtension.Get(Context.System);
        _startedAt = DateTimeOffset.Now;

        // The clock starts at startup: a node spawned for a client that never connects still goes away.
        _lastConnected = Context.System.Scheduler.Now;
        Receive<GetNodeStatus>(ReplyStatus);
        Receive<StopNode>(OnStopNode);
        Receive<IdleCheck>(_ => CheckIdle());
        Receive<SocketCheck>(_ => CheckSocketFiles());
    }

    /// <summary>Gets or sets the timers, which Akka assigns.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the admin; <paramref name="databases"/> is the supervisor whose databases it reports, or <see cref="Nobody"/>.</summary>
    public static Props Props(IActorRef databases, NodeOptions options) => Akka.Actor.Props.Create(() => new NodeAdmin(databases, options));

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_options.IdleShutdown is { } idle)
        {
            var interval = TimeSpan.FromTicks(Math.Min(MaxIdleCheckInterval.Ticks, Math.Max(idle.Ticks / 4, TimeSpan.TicksPerMillisecond)));
            Timers.StartPeriodicTimer(nameof(IdleCheck), IdleCheck.Instance, interval);
        }

        // A stat per period: a FileSystemWatcher would notice sooner, but it takes an inotify instance (128 per user by
        // default, shared with every other program), drops events on overflow, and misses the socket's directory itself
        // being removed and made again; the stat sees every case within one period.
        if (_options.SocketCheckInterval is { } check)
        {
            Timers.StartPeriodicTimer(nameof(SocketCheck), SocketCheck.Instance, check);
        }
    }

    private void ReplyStatus(GetNodeStatus request)
    {
        var sender = Sender;
        var self = Self;
        var system = Context.System;
        var addresses = ((IRemoteActorRefProvider)((ExtendedActorSystem)Context.System).Provider).Transport.Addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal).ToArray();
        var connections = _transports.InboundConnectionCount;

        // Everything the reply needs is read here: the supervisor's answer completes outside this actor's context.
        var (systemName, startedAt, idleShutdown) = (Context.System.Name, _startedAt, _options.IdleShutdown);
        var log = _log;
        var databases = _databases;
        Reply().PipeTo(sender, self);

        async Task<NodeStatus> Reply()
        {
            IReadOnlyList<DatabaseStatus> own = [];
            if (!databases.IsNobody())
            {
                try
                {
                    own = (await databases.Ask<DatabasesSupervisor.StatusReport>(DatabasesSupervisor.GetStatus.Instance, SupervisorTimeout).ConfigureAwait(false)).Databases;
                }
                catch (Exception e) when (e is AskTimeoutException or ActorNotFoundException or OperationCanceledException)
                {
                    log.Warning("The databases' supervisor did not report ({0}); the status lists no databases", e.Message);
                }
            }

            // A single node is its own only member; a cluster member lists every member from its view of the cluster.
            var me = new ClusterMemberStatus(addresses.FirstOrDefault() ?? system.Name, Environment.ProcessId, "Up", [], own);
            var members = await ClusterMembers.ListAsync(system, me, askOthers: !request.MemberOnly).ConfigureAwait(false);
            return new NodeStatus(systemName, Environment.ProcessId, addresses, startedAt, connections, idleShutdown, own) { Members = members };
        }
    }

    private void OnStopNode(StopNode stop)
    {
        Sender.Tell(new NodeStopping(Environment.ProcessId), Self);
        Stop($"asked by {Sender.Path}: {stop.Reason}");
    }

    private void CheckIdle()
    {
        var now = Context.System.Scheduler.Now;
        var accepted = _transports.AcceptedConnectionCount;
        if (_transports.InboundConnectionCount > 0 || accepted != _acceptedAtLastCheck)
        {
            // Connected now, or a client came and went since the last check: either way the node was in use.
            _lastConnected = now;
            _acceptedAtLastCheck = accepted;
        }
        else if (_options.IdleShutdown is { } idle && now - _lastConnected >= idle)
        {
            Stop($"no connections for {idle}");
        }
    }

    private void CheckSocketFiles()
    {
        try
        {
            _transports.RecreateMissingSocketFiles();
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            // Tried again next period: the directory may be back by then.
            _log.Error(e, "The node's socket file was removed and could not be made again: {0}", e.Message);
        }
    }

    private void Stop(string reason)
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        Timers.CancelAll();
        _log.Info("Stopping the node: {0}", reason);
        CoordinatedShutdown.Get(Context.System).Run(new NodeStopReason(reason));
    }

    private sealed record IdleCheck
    {
        public static IdleCheck Instance { get; } = new();
    }

    private sealed record SocketCheck
    {
        public static SocketCheck Instance { get; } = new();
    }

    /// <summary>Why the node's coordinated shutdown ran: a <see cref="StopNode"/> or the idle shutdown.</summary>
    private sealed class NodeStopReason(string reason) : CoordinatedShutdown.Reason
    {
        // A node asked to stop, or idle, ends normally.
        public override int ExitCode => 0;

        public override string ToString() => reason;
    }
}
