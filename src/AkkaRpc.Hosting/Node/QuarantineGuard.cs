using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;

namespace AkkaRpc.Hosting;

/// <summary>
/// Shuts a cluster member down, as downed, when another member tells it that it has been quarantined: the others
/// removed it (it was frozen or cut off past the failure detector) and its databases already run on them.
/// </summary>
/// <remarks>
/// Akka.Cluster in Akka.NET does not react to <see cref="ThisActorSystemQuarantinedEvent"/> itself. Without this, a
/// member thawed after a SIGSTOP saw the survivors become unreachable one at a time, found itself in the majority each
/// time and downed them: a split brain with two owners of the same databases. The event comes as soon as the thawed
/// member dials a survivor (Akka.Remote answers a quarantined incarnation's handshake with <c>Quarantined</c>), well
/// before its own split-brain resolver's stable-after passes. Only members count: a client system that quarantines this
/// node (it does so when its own association fails hard) says nothing about the cluster.
/// </remarks>
internal sealed class QuarantineGuard : ReceiveActor
{
    /// <summary>The guard's name under <c>/user</c>.</summary>
    public const string Name = "akkarpc-quarantine-guard";

    private readonly ILoggingAdapter _log = Context.GetLogger();

    // Public: Akka creates actors through their public constructors (Props.Create only names it).
    public QuarantineGuard()
    {
        Receive<ThisActorSystemQuarantinedEvent>(e => OnQuarantined(e.RemoteAddress));
    }

    /// <summary>Props for the guard.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new QuarantineGuard());

    /// <inheritdoc />
    protected override void PreStart() => Context.System.EventStream.Subscribe<ThisActorSystemQuarantinedEvent>(Self);

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnQuarantined(Address remote)
    {
        var cluster = Cluster.Get(Context.System);
        if (!cluster.State.Members.Any(m => m.Address == remote))
        {
            _log.Debug("Quarantined by {0}, which is not a member of this cluster; ignored.", remote);
            return;
        }

        if (CoordinatedShutdown.Get(Context.System).ShutdownReason is not null)
        {
            return;
        }

        _log.Error(
            "Member {0} has quarantined this member ({1}): the cluster removed it, and its databases run on the others. " +
            "Shutting down as downed; it must not serve again.",
            remote,
            cluster.SelfAddress);
        CoordinatedShutdown.Get(Context.System).Run(CoordinatedShutdown.ClusterDowningReason.Instance);
    }
}
