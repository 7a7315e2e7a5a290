using Akka.Actor;
using Akka.Event;
using AkkaRpc.Protocol;

namespace AkkaRpc.Hosting;

/// <summary>
/// Watches the node's top-level actors and, if one stops while the node is not shutting down, shuts the node down with
/// a <see cref="NodeFailedReason"/> (a non-zero exit code) and a log line saying which one stopped.
/// </summary>
/// <remarks>
/// Shutting down, not restarting in place: clients and the node admin hold references to the old actors (a client's
/// resolved owners are children of the old supervisor), so a fresh actor at the same path would leave them talking to
/// nobody, as happened when a remote PoisonPill stopped <c>/user/databases</c>. A node that exits releases its lock and
/// socket, so the next client's auto-spawn (or the service manager) starts a whole new one. Akka's own supervision
/// already restarts these actors when they throw; this covers only their stopping.
/// </remarks>
internal sealed class NodeGuard : ReceiveActor
{
    /// <summary>The guard's name under <c>/user</c>.</summary>
    public const string Name = "akkarpc-node-guard";

    /// <summary>The top-level actors of a node, by name under <c>/user</c>; those not running here are skipped.</summary>
    public static readonly IReadOnlyList<string> Guarded = [NodePaths.DatabasesName, NodePaths.AdminName, PeerWatcher.Name];

    private readonly ILoggingAdapter _log = Context.GetLogger();

    // Public: Akka creates actors through their public constructors (Props.Create only names it).
    public NodeGuard()
    {
        Receive<ActorIdentity>(identity =>
        {
            if (identity.Subject is { } actor)
            {
                Context.Watch(actor);
            }
        });
        Receive<Terminated>(t => OnStopped(t.ActorRef));
    }

    /// <summary>Props for the guard; start it after the actors it guards, as <c>system.ActorOf(NodeGuard.Props(), NodeGuard.Name)</c>.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new NodeGuard());

    /// <inheritdoc />
    protected override void PreStart()
    {
        foreach (var name in Guarded)
        {
            Context.ActorSelection("/user/" + name).Tell(new Identify(name));
        }
    }

    private void OnStopped(IActorRef actor)
    {
        var shutdown = CoordinatedShutdown.Get(Context.System);
        if (shutdown.ShutdownReason is not null)
        {
            // The node is stopping anyway; its actors stop as part of that.
            return;
        }

        var reason = new NodeFailedReason($"the node's actor {actor.Path.ToStringWithoutAddress()} stopped");
        _log.Error(
            "The node's actor {0} stopped, and the node cannot serve without it: shutting down with exit code {1}, so that it is started again (a client's auto-spawn does)",
            actor.Path.ToStringWithoutAddress(), reason.ExitCode);
        shutdown.Run(reason);
    }
}
