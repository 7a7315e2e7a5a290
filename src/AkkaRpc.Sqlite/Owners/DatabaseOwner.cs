using AkkaRpc.Actors;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Sqlite;

/// <summary>
/// Owns one database and runs every request for it, one at a time, so callers need no locks. An interactive
/// transaction gives its holder exclusive use: other requests are stashed and run, in arrival order, when it
/// commits, rolls back, outlives its lease or loses its holder. A <see cref="DatabaseFailedException"/> fails the
/// owner; its supervisor reopens the file after a backoff delay.
/// </summary>
internal sealed class DatabaseOwner : ReceiveActor, IWithUnboundedStash
{
    private readonly string _name;
    private readonly DatabasesOptions _options;
    private readonly FailureHistory _history;
    private SqliteDatabase? _db;
    private Lease? _lease;
    private long? _expiredTransaction;

    public DatabaseOwner(string name, DatabasesOptions options, FailureHistory history)
    {
        _name = name;
        _options = options;
        _history = history;
        Ready();
    }

    public IStash Stash { get; set; } = null!;

    /// <summary>Props for the owner of <paramref name="name"/>; its mailbox answers <see cref="Overloaded"/> when full.</summary>
    public static Props Props(string name, DatabasesOptions options, FailureHistory history) =>
        Actors.Props.Create(() => new DatabaseOwner(name, options, history))
            .WithMailbox(options.MailboxCapacity, (_, _) => new Overloaded(name, options.MailboxCapacity));

    /// <summary>Sent by the owner to its parent when it has idled past the idle timeout.</summary>
    internal sealed record IdleStop(string Name);

    private sealed record Reopen;

    private sealed record LeaseExpired(long TransactionId);

    private sealed record Lease(long TransactionId, IActorRef Holder, TimeSpan Duration, ICancelable Timer);

    protected override void PreStart()
    {
        Open();
        if (_options.IdleTimeout is { } idle)
        {
            Context.SetReceiveTimeout(idle);
        }
    }

    protected override void PostRestart(Exception reason)
    {
        // Reopen after a delay that grows with consecutive failures, so a broken disk is not hammered;
        // requests wait in the stash meanwhile.
        var delay = _history.NextDelay();
        Log.LogWarning("Database {Name} failed ({Reason}); reopening in {Delay} ms", _name, _history.LastFailure, delay.TotalMilliseconds);
        Become(Reopening);
        _history.IsReopening = true;
        Context.System.Scheduler.ScheduleTellOnce(delay, Self, new Reopen(), Self);
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        // The stash goes back to the mailbox (the kernel does that); the connection must be closed here.
        CloseDatabase();
    }

    protected override void PostStop()
    {
        CloseDatabase();

        // Tell whoever still waits in the stash why their request will not run.
        foreach (var waiting in Stash.ClearStash())
        {
            waiting.Sender?.Tell(new DatabaseUnavailable(_name, _history.LastFailure ?? "the database was closed"), Self);
        }
    }

    private void Ready()
    {
        Receive<Begin>(StartTransaction);
        Receive<Transactional>(t => Sender.Tell(NoSuchTransaction(t.TransactionId), Self));
        Receive<Commit>(c => Sender.Tell(NoSuchTransaction(c.TransactionId), Self));
        Receive<Rollback>(r => Sender.Tell(NoSuchTransaction(r.TransactionId), Self));
        Receive<DatabaseRequest>(Run);
        Receive<ReceiveTimeout>(_ => StopIfIdle());
        Receive<LeaseExpired>(_ => { }); // A timer that fired as its transaction ended.
    }

    private void InTransaction()
    {
        var lease = _lease!;
        Receive<Transactional>(t => t.TransactionId == lease.TransactionId, t => RunForHolder(t.Request));
        Receive<Transactional>(t => Sender.Tell(NoSuchTransaction(t.TransactionId), Self));
        Receive<Commit>(c => c.TransactionId == lease.TransactionId, c => EndTransaction(c, "committed"));
        Receive<Rollback>(r => r.TransactionId == lease.TransactionId, r => EndTransaction(r, "rolled back"));
        Receive<LeaseExpired>(e => e.TransactionId == lease.TransactionId, _ => Expire());
        Receive<LeaseExpired>(_ => { });
        Receive<Terminated>(t => t.ActorRef.Equals(lease.Holder), _ => HolderDied());

        // Answering these cannot reveal uncommitted data.
        Receive<Ping>(Run);
        Receive<TargetDatabase>(Run);
        Receive<DatabaseRequest>(_ => StashOrRefuse());
        Receive<ReceiveTimeout>(_ => { });
    }

    private void Reopening()
    {
        Receive<Reopen>(_ =>
        {
            Open();
            _history.IsReopening = false;
            Log.LogInformation("Database {Name} reopened", _name);
            Become(Ready);
            Stash.UnstashAll();
        });
        Receive<DatabaseRequest>(_ => StashOrRefuse());
        Receive<LeaseExpired>(_ => { });
        Receive<ReceiveTimeout>(_ => { });
    }

    private void Open()
    {
        try
        {
            _db = SqliteDatabase.Open(_name, _options.Database, Context.System.TimeProvider);
        }
        catch (DatabaseFailedException e)
        {
            _history.Record(e);
            throw;
        }
    }

    private void Run(DatabaseRequest request) => Sender.Tell(Execute(request), Self);

    private DatabaseReply Execute(DatabaseRequest request)
    {
        try
        {
            return _db!.Handle(request);
        }
        catch (DatabaseFailedException e)
        {
            // The caller learns the outcome now; then the owner fails and is reopened.
            _history.Record(e);
            Sender.Tell(new DatabaseUnavailable(_name, e.Message), Self);
            throw;
        }
    }

    private void StartTransaction(Begin begin)
    {
        if (begin.Lease <= TimeSpan.Zero || begin.Lease > _options.MaxLease)
        {
            Sender.Tell(new LeaseOutOfRange(begin.Lease, _options.MaxLease), Self);
            return;
        }

        var reply = Execute(begin);
        Sender.Tell(reply, Self);
        if (reply is TransactionStarted started)
        {
            // Watching the holder rolls the transaction back if it dies. A temporary ask reference (/temp/...) is
            // gone as soon as its reply arrives, so it is not watched: the lease bounds the wait instead.
            if (Sender.Path.Elements is not ["temp", ..])
            {
                Context.Watch(Sender);
            }

            _lease = new Lease(started.TransactionId, Sender, begin.Lease, ScheduleExpiry(started.TransactionId, begin.Lease));
            Become(InTransaction);
        }
    }

    private void RunForHolder(DatabaseRequest request)
    {
        var lease = _lease!;
        switch (request)
        {
            case Commit or Rollback:
                EndTransaction(request, request is Commit ? "committed" : "rolled back");
                return;
            case Begin:
                Sender.Tell(new TransactionInProgress(lease.TransactionId), Self);
                return;
        }

        lease.Timer.Cancel();
        _lease = lease with { Timer = ScheduleExpiry(lease.TransactionId, lease.Duration) };
        Run(request);
    }

    private void EndTransaction(DatabaseRequest endRequest, string how)
    {
        var lease = _lease!;
        var reply = Execute(endRequest is Commit or Rollback ? endRequest : new Rollback(lease.TransactionId));
        Sender.Tell(reply, Self);
        Log.LogDebug("Transaction {Id} on {Name} {How}", lease.TransactionId, _name, how);
        LeaveTransaction();
    }

    private void Expire()
    {
        var lease = _lease!;
        Log.LogWarning("Transaction {Id} on {Name} idled past its {Lease} lease; rolling it back", lease.TransactionId, _name, lease.Duration);
        RollBackFor(lease);
        _expiredTransaction = lease.TransactionId;
    }

    private void HolderDied()
    {
        var lease = _lease!;
        Log.LogWarning("The holder of transaction {Id} on {Name} stopped; rolling it back", lease.TransactionId, _name);
        RollBackFor(lease);
    }

    private void RollBackFor(Lease lease)
    {
        try
        {
            _db!.Handle(new Rollback(lease.TransactionId));
        }
        catch (DatabaseFailedException e)
        {
            _history.Record(e);
            throw;
        }
        finally
        {
            LeaveTransaction();
        }
    }

    private void LeaveTransaction()
    {
        var lease = _lease!;
        lease.Timer.Cancel();
        Context.Unwatch(lease.Holder);
        _lease = null;
        Become(Ready);
        Stash.UnstashAll();
    }

    private ICancelable ScheduleExpiry(long transactionId, TimeSpan lease) =>
        Context.System.Scheduler.ScheduleTellOnce(lease, Self, new LeaseExpired(transactionId), Self);

    private DatabaseError NoSuchTransaction(long transactionId) =>
        transactionId == _expiredTransaction ? new TransactionLeaseExpired(transactionId) : new TransactionNotFound(transactionId);

    private void StashOrRefuse()
    {
        // Waiting requests count against the same bound as the mailbox, so memory stays bounded.
        if (Stash.Count >= _options.MailboxCapacity)
        {
            Sender.Tell(new Overloaded(_name, _options.MailboxCapacity), Self);
            return;
        }

        Stash.Stash();
    }

    private void StopIfIdle()
    {
        if (_db is { OpenCursors: 0, ActiveTransactionId: null })
        {
            Context.SetReceiveTimeout(null);
            Context.Parent.Tell(new IdleStop(_name), Self);
        }
    }

    private void CloseDatabase()
    {
        _db?.Dispose();
        _db = null;
    }
}
