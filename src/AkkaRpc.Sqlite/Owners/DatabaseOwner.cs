using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Sqlite;

/// <summary>
/// Owns one database and runs every request for it, one at a time, so callers need no locks. An interactive
/// transaction gives its holder exclusive use: other requests are stashed and run, in arrival order, when it
/// commits, rolls back, outlives its lease or loses its holder. A <see cref="DatabaseFailedException"/> fails the
/// owner; Akka restarts it in place (same reference, same mailbox), it reports the failure to its supervisor and
/// keeps requests waiting until the supervisor tells it, after a backoff delay, to open the file again.
/// </summary>
/// <remarks>
/// The owner starts closed and opens the file when its supervisor sends <see cref="Open"/>, first right after creating
/// it. Opening in PreStart would not do: Akka discards an actor that fails to start and creates it afresh at once,
/// without PreRestart, so a file that cannot be opened would be retried in a tight loop with no backoff.
/// </remarks>
internal sealed partial class DatabaseOwner : ReceiveActor, IWithUnboundedStash, IWithTimers
{
    private const string IdleTimer = "idle";
    private const string CursorTimer = "cursors";

    // Idle and cursor expiry are checked this many times per period, so an owner stops within a quarter of its idle
    // timeout after the last request, without re-arming a timer for every message as a receive timeout would.
    private const int ChecksPerPeriod = 4;

    private readonly string _name;
    private readonly DatabasesOptions _options;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private SqliteDatabase? _db;
    private string? _lastFailure;
    private int _requestsSinceCheck;
    private int _quietChecks;

    /// <summary>Creates the owner of <paramref name="name"/>; start it through <see cref="Props"/>.</summary>
    public DatabaseOwner(string name, DatabasesOptions options, CancellationToken stopping)
    {
        _name = name;
        _options = options;
        _stopping = stopping;
        _time = SchedulerTime.For(Context.System.Scheduler);
        OwnerMessageQueue.Of(Context).Bind(name, options.MailboxCapacity);
        Closed();
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the owner of <paramref name="name"/>, on the owners' dispatcher and mailbox.</summary>
    /// <param name="name">The database's name.</param>
    /// <param name="options">How to serve it.</param>
    /// <param name="stopping">Cancelled when the node drains: a statement running then is stopped instead of awaited.</param>
    public static Props Props(string name, DatabasesOptions options, CancellationToken stopping = default) =>
        Akka.Actor.Props.Create(() => new DatabaseOwner(name, options, stopping))
            .WithDispatcher(DatabasesSupervisor.OwnerDispatcherId)
            .WithMailbox(DatabasesSupervisor.OwnerMailboxId);

    /// <summary>Sent by the owner to its supervisor when it has idled past the idle timeout.</summary>
    internal sealed record Idle
    {
        public static Idle Instance { get; } = new();
    }

    /// <summary>Sent by the owner to its supervisor as it restarts after a failure.</summary>
    /// <param name="Failure">What failed, for the log, the status and the callers' <see cref="DatabaseUnavailable"/>.</param>
    internal sealed record Failed(string Failure);

    /// <summary>Sent by the supervisor when it has created the owner, and after a failure once its backoff delay has passed.</summary>
    internal sealed record Open
    {
        public static Open Instance { get; } = new();
    }

    /// <summary>Sent by the owner to its supervisor when an <see cref="Open"/> succeeded.</summary>
    internal sealed record Opened
    {
        public static Opened Instance { get; } = new();
    }

    private sealed record IdleCheck
    {
        public static IdleCheck Instance { get; } = new();
    }

    private sealed record CursorCheck
    {
        public static CursorCheck Instance { get; } = new();
    }

    /// <inheritdoc />
    protected override void PreRestart(Exception reason, object message)
    {
        // Not the base: it would stop children (there are none) and run PostStop, which answers the stash; here the
        // stash goes back to the mailbox (Akka does that after this) and waits for the reopen.
        if (_lease is { } lease)
        {
            Context.Unwatch(lease.Holder);
        }

        CloseDatabase();
        Context.Parent.Tell(new Failed(Describe(reason)));
    }

    /// <inheritdoc />
    protected override void PostRestart(Exception reason)
    {
        // The new incarnation starts closed, as a new owner does; the supervisor says when to open, after its backoff.
        _lastFailure = Describe(reason);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        CloseDatabase();

        // Tell whoever still waits in the stash why their request will not run.
        foreach (var waiting in Stash.ClearStash())
        {
            waiting.Sender.Tell(new DatabaseUnavailable(_name, _lastFailure ?? "the database was closed"));
        }
    }

    /// <summary>How a failure reads in logs and replies: a database failure says what failed; anything else is a bug.</summary>
    private static string Describe(Exception cause) =>
        cause is DatabaseFailedException ? cause.Message : $"{cause.GetType().Name}: {cause.Message}";

    private void Ready()
    {
        Receive<Begin>(StartTransaction);
        Receive<Transactional>(t => Sender.Tell(NoSuchTransaction(t.TransactionId)));
        Receive<Commit>(c => Sender.Tell(NoSuchTransaction(c.TransactionId)));
        Receive<Rollback>(r => Sender.Tell(NoSuchTransaction(r.TransactionId)));
        Receive<DatabaseRequest>(Run);
        Receive<IdleCheck>(_ => CheckIdle());
        Receive<CursorCheck>(_ => ExpireCursors());
        Receive<DatabasesSupervisor.PeerGone>(gone => CloseCursorsOf(gone.Address));
    }

    private void Closed()
    {
        Receive<Open>(_ => OpenDatabase());
        Receive<DatabaseRequest>(_ => StashOrRefuse());
        Receive<DatabasesSupervisor.PeerGone>(_ => { });
    }

    /// <summary>Couldn't open for a cause outside SQLite (permission denied, disk full): every request tries again, and is answered with the cause if it still holds.</summary>
    private void Blocked()
    {
        Receive<DatabaseRequest>(_ =>
        {
            Stash.Stash();
            OpenDatabase();
        });
        Receive<DatabasesSupervisor.PeerGone>(_ => { });
    }

    private void OpenDatabase()
    {
        try
        {
            // Any other failure fails the owner: the supervisor restarts it and, after its backoff delay, says Open again.
            _db = SqliteDatabase.Open(_name, _options.Database, _time, _stopping, Alarm);
        }
        catch (DatabaseFailedException e) when (e.IsTransient)
        {
            // The cause may be fixed at any moment and a retry costs one failed open, so the owner retries on the next
            // request instead of failing into the supervisor's backoff, which would keep the database unavailable (for
            // the whole failure window once it gave up) long after the cause was gone.
            if (e.Message != _lastFailure)
            {
                _log.Error("Database {0} cannot be opened; every request tries again: {1}", _name, e.Message);
            }

            _lastFailure = e.Message;
            Become(Blocked);
            foreach (var waiting in Stash.ClearStash())
            {
                waiting.Sender.Tell(new DatabaseUnavailable(_name, e.Message));
            }

            return;
        }

        if (_lastFailure is not null)
        {
            _log.Info("Database {0} reopened", _name);
            _lastFailure = null;
        }

        Context.Parent.Tell(Opened.Instance);
        Become(Ready);
        Stash.UnstashAll();
        if (_options.IdleTimeout is { } idle)
        {
            _requestsSinceCheck = 0;
            _quietChecks = 0;
            Timers.StartPeriodicTimer(IdleTimer, IdleCheck.Instance, idle / ChecksPerPeriod);
        }
    }

    private void Run(DatabaseRequest request)
    {
        var reply = Execute(request, Sender.Path.Address);
        Sender.Tell(reply);
        if (reply is QueryResult { CursorId: not null } && !Timers.IsTimerActive(CursorTimer))
        {
            // An open cursor holds a read snapshot; if its client never comes back, this closes it.
            Timers.StartPeriodicTimer(CursorTimer, CursorCheck.Instance, _options.Database.CursorIdleExpiry / ChecksPerPeriod);
        }
    }

    /// <summary>Runs <paramref name="request"/> for <paramref name="client"/> (the sender's system), whose cursors it counts.</summary>
    private DatabaseReply Execute(DatabaseRequest request, Address? client = null)
    {
        _requestsSinceCheck++;
        try
        {
            return _db!.Handle(request, client);
        }
        catch (DatabaseFailedException e)
        {
            // The caller learns the outcome now, not after its timeout; then the owner fails and is restarted.
            Sender.Tell(new DatabaseUnavailable(_name, e.Message));
            throw;
        }
    }

    private void StashOrRefuse()
    {
        // The stash has its own bound, the mailbox's capacity again: requests waiting here have left the mailbox, so
        // that the holder's own requests still get in.
        if (Stash.Count >= _options.MailboxCapacity)
        {
            Sender.Tell(new Overloaded(_name, _options.MailboxCapacity));
            return;
        }

        Stash.Stash();
    }

    private void CheckIdle()
    {
        var quiet = _requestsSinceCheck == 0 && _db is { OpenCursors: 0, ActiveTransactionId: null };
        _requestsSinceCheck = 0;
        _quietChecks = quiet ? _quietChecks + 1 : 0;
        if (_quietChecks >= ChecksPerPeriod)
        {
            Timers.Cancel(IdleTimer);
            Context.Parent.Tell(Idle.Instance);
        }
    }

    /// <summary>Closes the cursors of a client whose connection closed: it can no longer read them, and they count against the others.</summary>
    private void CloseCursorsOf(Address client)
    {
        var closed = _db!.CloseCursorsOf(client);
        if (closed > 0)
        {
            _log.Info("Closed {0} cursors on {1} of {2}, whose connection closed", closed, _name, client);
        }
    }

    private void ExpireCursors()
    {
        var db = _db!;
        var expired = db.ExpireIdleCursors();
        if (expired > 0)
        {
            _log.Info("Closed {0} cursors on {1} that idled past {2}", expired, _name, _options.Database.CursorIdleExpiry);
        }

        if (db.OpenCursors == 0)
        {
            Timers.Cancel(CursorTimer);
        }
    }

    /// <summary>The engine found its files deleted or replaced underneath and says what it did: an operator must hear of it.</summary>
    private void Alarm(string message) => _log.Error("{0}", message);

    private void CloseDatabase()
    {
        _db?.Dispose();
        _db = null;
    }
}
