using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Sqlite;

public sealed partial class DatabasesSupervisor
{
    // Who asked for the drain and waits for Drained; null while serving.
    private List<IActorRef>? _drained;

    /// <summary>
    /// Stops taking new work, stops every statement running (or started from now on) inside SQLite at its next progress
    /// check, lets every owner answer the requests already queued for it, closes every database, and then answers
    /// <see cref="Drained"/>. Meant for a <c>CoordinatedShutdown</c> task in phase
    /// <c>service-requests-done</c> (after the node stopped accepting clients, before remoting shuts down, so the
    /// last replies still reach them): ask it with a timeout within that phase's.
    /// </summary>
    /// <remarks>
    /// A stopped statement is answered <see cref="DatabaseUnavailable"/> (it had no effect; an interactive transaction it
    /// ran in is rolled back), so a runaway query cannot hold the node's shutdown for its whole time limit. Requests
    /// queued behind it are still answered: those that finish within one progress period (point queries, single-row
    /// writes) normally, longer ones stopped likewise. Afterwards <see cref="Resolve"/> is answered <see cref="DatabaseUnavailable"/>; asking again answers
    /// <see cref="Drained"/> once all is closed. A request that waited behind an open transaction is answered
    /// <see cref="DatabaseUnavailable"/> (the transaction is rolled back); one that reaches an owner after it has
    /// closed is answered <see cref="OwnerStopped"/>.
    /// </remarks>
    public sealed record Drain
    {
        /// <summary>The only instance.</summary>
        public static Drain Instance { get; } = new();
    }

    /// <summary>The answer to <see cref="Drain"/>: every owner has stopped and every database file is closed.</summary>
    public sealed record Drained
    {
        /// <summary>The only instance.</summary>
        public static Drained Instance { get; } = new();
    }

    private void StartDraining(Drain drain)
    {
        _drained = [Sender];
        _log.Info("Draining: closing {0} databases after the requests queued for them", _owners.Count);

        // Read by the owners' threads inside SQLite's progress handler: a running statement stops within a moment.
        _stopping.Cancel();

        // A database waiting out its backoff stops closed; its waiting requests are answered as it stops.
        Timers.CancelAll();
        RefuseWaitingForRoom(ShuttingDown);
        foreach (var (resolve, sender, _) in _beforeRegion)
        {
            sender.Tell(ShuttingDown(resolve));
        }

        _beforeRegion.Clear();
        foreach (var owner in _owners.Values)
        {
            owner.Actor.Tell(PoisonPill.Instance);
            foreach (var (resolve, sender) in owner.WaitingResolves ?? [])
            {
                sender.Tell(ShuttingDown(resolve));
            }

            owner.WaitingResolves = null;
        }

        Become(Draining);
        ReplyIfDrained();
    }

    private void Draining()
    {
        Receive<Resolve>(r => Sender.Tell(ShuttingDown(r)));
        Receive<LocateOwner>(l => Sender.Tell(ShuttingDown(new Resolve(l.Name))));
        Receive<Host>(h => Sender.Tell(ShuttingDown(h.Resolve)));
        Receive<Release>(_ => { });
        Receive<UseShardRegion>(_ => { });
        Receive<GetStatus>(_ => Sender.Tell(new StatusReport(Status())));
        Receive<Drain>(_ =>
        {
            _drained!.Add(Sender);
            ReplyIfDrained();
        });
        Receive<DeadLetter>(AnswerDeadLetter);
        Receive<Terminated>(t =>
        {
            if (!RelayStopped(t.ActorRef) && StateOf(t.ActorRef) is not null)
            {
                _owners.Remove(t.ActorRef.Path.Name);
                ReplyIfDrained();
            }
        });

        // What owners still report on their way out changes nothing now.
        Receive<DatabaseOwner.Idle>(_ => { });
        Receive<DatabaseOwner.Failed>(_ => { });
        Receive<DatabaseOwner.Opened>(_ => { });
        Receive<InUse>(_ => { });
        Receive<ProbeTimedOut>(_ => { });
    }

    private void ReplyIfDrained()
    {
        if (_owners.Count > 0)
        {
            return;
        }

        foreach (var waiting in _drained!)
        {
            waiting.Tell(Drained.Instance);
        }

        _drained.Clear();
    }

    private static DatabaseUnavailable ShuttingDown(Resolve resolve) => new(resolve.Name ?? "", "the node is shutting down");
}
