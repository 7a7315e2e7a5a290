using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Sqlite;

internal sealed partial class DatabaseOwner
{
    private const string LeaseTimer = "lease";

    private Lease? _lease;
    private long? _expiredTransaction;

    private sealed record LeaseExpired(long TransactionId);

    private sealed record Lease(long TransactionId, IActorRef Holder, TimeSpan Duration);

    private void InTransaction()
    {
        var lease = _lease!;
        Receive<Transactional>(t => t.TransactionId == lease.TransactionId, t => RunForHolder(t.Request));
        Receive<Transactional>(t => Sender.Tell(NoSuchTransaction(t.TransactionId)));
        Receive<Commit>(c => c.TransactionId == lease.TransactionId, c => EndTransaction(c));
        Receive<Rollback>(r => r.TransactionId == lease.TransactionId, r => EndTransaction(r));
        Receive<LeaseExpired>(e => e.TransactionId == lease.TransactionId, _ => Expire());
        Receive<Terminated>(t => t.ActorRef.Equals(lease.Holder), _ => HolderDied());
        Receive<DatabasesSupervisor.PeerGone>(gone =>
        {
            if (gone.Address.Equals(lease.Holder.Path.Address))
            {
                HolderDied();
            }

            CloseCursorsOf(gone.Address);
        });

        // Answering these cannot reveal uncommitted data.
        Receive<Ping>(Run);
        Receive<TargetDatabase>(Run);
        Receive<DatabaseRequest>(_ => StashOrRefuse());
        Receive<IdleCheck>(_ => CheckIdle());
        Receive<CursorCheck>(_ => ExpireCursors());
    }

    private void StartTransaction(Begin begin)
    {
        if (begin.Lease <= TimeSpan.Zero || begin.Lease > _options.MaxLease)
        {
            Sender.Tell(new LeaseOutOfRange(begin.Lease, _options.MaxLease));
            return;
        }

        var reply = Execute(begin);
        Sender.Tell(reply);
        if (reply is TransactionStarted started)
        {
            // Watching the holder rolls the transaction back if it stops, or, for a remote holder, once Akka.Remote's
            // failure detector says its process is gone. An ask's temporary reference (/temp/...) stops as soon as this
            // reply reaches it, so watching it would roll back at once: then only the lease bounds the wait, unless the
            // Begin names a long-lived holder (a client's session actor).
            var holder = begin.Holder ?? Sender;
            if (holder.Path.Elements is not ["temp", ..])
            {
                Context.Watch(holder);
            }

            _lease = new Lease(started.TransactionId, holder, begin.Lease);
            Timers.StartSingleTimer(LeaseTimer, new LeaseExpired(started.TransactionId), begin.Lease);
            Become(InTransaction);
        }
    }

    private void RunForHolder(DatabaseRequest request)
    {
        var lease = _lease!;
        switch (request)
        {
            case Commit or Rollback:
                EndTransaction(request);
                return;
            case Begin:
                Sender.Tell(new TransactionInProgress(lease.TransactionId));
                return;
        }

        // Starting a timer under the same key replaces the old one; Akka drops the old one's message even if it was
        // already queued, so an expiry can never overtake a renewal.
        Timers.StartSingleTimer(LeaseTimer, new LeaseExpired(lease.TransactionId), lease.Duration);
        Run(request);
        if (_db!.ActiveTransactionId != lease.TransactionId)
        {
            // The engine ended it: a statement stopped at its time limit (the reply said so), or SQLite rolled it back.
            _log.Warning("Transaction {0} on {1} was rolled back by its own request's failure", lease.TransactionId, _name);
            LeaveTransaction();
        }
    }

    private void EndTransaction(DatabaseRequest end)
    {
        var lease = _lease!;
        Sender.Tell(Execute(end));
        _log.Debug("Transaction {0} on {1} {2}", lease.TransactionId, _name, end is Commit ? "committed" : "rolled back");
        LeaveTransaction();
    }

    private void Expire()
    {
        var lease = _lease!;
        _log.Warning("Transaction {0} on {1} idled past its {2} lease; rolling it back", lease.TransactionId, _name, lease.Duration);
        _expiredTransaction = lease.TransactionId;
        RollBack(lease);
    }

    private void HolderDied()
    {
        var lease = _lease!;
        _log.Warning("The holder of transaction {0} on {1} stopped; rolling it back", lease.TransactionId, _name);
        RollBack(lease);
    }

    private void RollBack(Lease lease)
    {
        try
        {
            // Nobody waits for this reply; a failure still fails the owner, which closes (and so rolls back) the file.
            _db!.Handle(new Rollback(lease.TransactionId));
        }
        finally
        {
            LeaveTransaction();
        }
    }

    private void LeaveTransaction()
    {
        var lease = _lease!;
        Timers.Cancel(LeaseTimer);
        Context.Unwatch(lease.Holder);
        _lease = null;
        Become(Ready);
        Stash.UnstashAll();
    }

    private DatabaseError NoSuchTransaction(long transactionId) =>
        transactionId == _expiredTransaction ? new TransactionLeaseExpired(transactionId) : new TransactionNotFound(transactionId);
}
