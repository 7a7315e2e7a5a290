using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Sqlite;

/// <summary>
/// The sharded entity of one database on the member Cluster.Sharding placed it on: it has this member's supervisor start
/// the database's owner (with the supervisor's limits, backoff and drain) and answers <see cref="Resolve"/> with the
/// owner's reference. Sharding runs at most one entity per name in the cluster, and an owner lives only while its entity
/// does, so at most one owner per database runs cluster-wide.
/// </summary>
/// <remarks>
/// On hand-over (a member leaving, the shard moving) the entity stops its owner after the requests already queued for
/// it and stops only once the owner has stopped, so the file is closed before the shard starts elsewhere. An owner that
/// stops on its own (idle, given up) leaves the entity in place; the next <see cref="Resolve"/> starts a fresh one.
/// </remarks>
internal sealed class DatabaseEntity : ReceiveActor
{
    private readonly string _name;
    private readonly IActorRef _supervisor;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<IActorRef> _waiting = [];
    private IActorRef? _owner;
    private bool _handingOff;

    public DatabaseEntity(string name, IActorRef supervisor)
    {
        _name = name;
        _supervisor = supervisor;
        Receive<Resolve>(_ => OnResolve(Sender));
        Receive<Resolved>(OnHosted);
        Receive<DatabaseReply>(AnswerWaiting);
        Receive<Terminated>(t => OnTerminated(t.ActorRef));
        Receive<HandOff>(_ => OnHandOff());
    }

    /// <summary>Sent by the shard to stop the entity when its shard moves to another member.</summary>
    internal sealed record HandOff
    {
        public static HandOff Instance { get; } = new();
    }

    public static Props Props(string name, IActorRef supervisor) => Akka.Actor.Props.Create(() => new DatabaseEntity(name, supervisor));

    private void OnResolve(IActorRef sender)
    {
        if (_owner is { } owner)
        {
            sender.Tell(new Resolved(_name, owner));
            return;
        }

        if (_handingOff)
        {
            // Sharding buffers what arrives for a shard in hand-over; this one slipped in before: it certainly ran nothing.
            sender.Tell(new OwnerStopped(_name));
            return;
        }

        _waiting.Add(sender);
        if (_waiting.Count == 1)
        {
            _supervisor.Tell(new DatabasesSupervisor.Host(new Resolve(_name)));
        }
    }

    private void OnHosted(Resolved hosted)
    {
        _owner = Context.Watch(hosted.Owner);
        AnswerWaiting(new Resolved(_name, hosted.Owner));
        if (_handingOff)
        {
            // The hand-over began while the supervisor was starting it: close it right away.
            _supervisor.Tell(new DatabasesSupervisor.Release(hosted.Owner));
        }
    }

    private void AnswerWaiting(DatabaseReply reply)
    {
        // A refusal (not found, unavailable, limits) is not kept: the next Resolve asks the supervisor again.
        foreach (var waiting in _waiting)
        {
            waiting.Tell(reply);
        }

        _waiting.Clear();
    }

    private void OnTerminated(IActorRef actor)
    {
        if (!actor.Equals(_owner))
        {
            return;
        }

        _owner = null;
        if (_handingOff)
        {
            Context.Stop(Self);
        }
    }

    private void OnHandOff()
    {
        _handingOff = true;
        if (_owner is { } owner)
        {
            _log.Info("Handing database {0} over to another member: closing it after the requests queued for it", _name);
            _supervisor.Tell(new DatabasesSupervisor.Release(owner));
        }
        else
        {
            Context.Stop(Self);
        }
    }
}
