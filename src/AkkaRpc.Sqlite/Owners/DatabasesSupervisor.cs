using AkkaRpc.Actors;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Sqlite;

/// <summary>
/// <c>/user/databases</c>: validates database names, starts each database's <see cref="DatabaseOwner"/> on first
/// use, reopens a failed owner after a growing delay, and gives up after <see cref="DatabasesOptions.MaxFailures"/>
/// failures within <see cref="DatabasesOptions.FailureWindow"/>: then the database is reported unavailable, with
/// its last failure, until the window has passed.
/// </summary>
public sealed class DatabasesSupervisor : ReceiveActor
{
    /// <summary>The supervisor's name under <c>/user</c>.</summary>
    public const string Name = "databases";

    private readonly DatabasesOptions _options;
    private readonly Dictionary<string, FailureHistory> _histories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Failure, long Since)> _unavailable = new(StringComparer.Ordinal);
    private readonly HashSet<IActorRef> _retiring = [];
    private readonly Dictionary<string, List<(Resolve Request, IActorRef Sender)>> _waitingForRetired = new(StringComparer.Ordinal);
    private bool _draining;

    private DatabasesSupervisor(DatabasesOptions options)
    {
        _options = options;
        Receive<Resolve>(_ => _draining, r => Sender.Tell(new DatabaseUnavailable(r.Name ?? "", "the node is shutting down"), Self));
        Receive<Resolve>(OnResolve);
        Receive<StopDatabases>(_ => Drain());
        Receive<GetStatus>(_ => Sender.Tell(new StatusReport(Status()), Self));
        Receive<DatabaseOwner.IdleStop>(OnIdleStop);
        Receive<Terminated>(OnOwnerTerminated);
    }

    /// <summary>Props for the supervisor; start it as <c>system.ActorOf(DatabasesSupervisor.Props(options), DatabasesSupervisor.Name)</c>.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static Props Props(DatabasesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Actors.Props.Create(() => new DatabasesSupervisor(options));
    }

    /// <summary>
    /// Stops every owner after the requests already queued for it (each gets a <see cref="PoisonPill"/> behind them),
    /// closing its database, then stops the supervisor. Use with <c>GracefulStop</c> on shutdown.
    /// </summary>
    public sealed record StopDatabases
    {
        /// <summary>The only instance.</summary>
        public static StopDatabases Instance { get; } = new();
    }

    /// <summary>Asks the supervisor, in this process, for the state of every database it knows; answered by <see cref="StatusReport"/>.</summary>
    public sealed record GetStatus
    {
        /// <summary>The only instance.</summary>
        public static GetStatus Instance { get; } = new();
    }

    /// <summary>The answer to <see cref="GetStatus"/>: every open, reopening, closing or unavailable database, by name.</summary>
    /// <param name="Databases">One entry per database, ordered by name.</param>
    public sealed record StatusReport(IReadOnlyList<DatabaseStatus> Databases);

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_options.MaxFailures - 1, _options.FailureWindow, Decide);

    private static Directive Decide(Exception cause)
    {
        // The owner has recorded a database failure in its history already. Reopen after its backoff delay; the
        // strategy's retry limit turns the last one into a stop. Any other initialization failure is final.
        var failed = cause is ActorInitializationException { InnerException: { } inner } ? inner : cause;
        return failed is DatabaseFailedException || cause is not ActorInitializationException ? Directive.Restart : Directive.Stop;
    }

    private void OnResolve(Resolve resolve)
    {
        var name = resolve.Name;
        if (!DatabaseNames.IsValid(name, out var reason))
        {
            Sender.Tell(new InvalidDatabaseName(name ?? "", reason!), Self);
            return;
        }

        if (Context.Child(name) is { } existing && !_retiring.Contains(existing))
        {
            Sender.Tell(new Resolved(name, existing), Self);
            return;
        }

        if (_unavailable.TryGetValue(name, out var down))
        {
            if (Context.System.TimeProvider.GetElapsedTime(down.Since) < _options.FailureWindow)
            {
                Sender.Tell(new DatabaseUnavailable(name, down.Failure), Self);
                return;
            }

            _unavailable.Remove(name);
        }

        if (Context.Child(name) is not null)
        {
            // Retiring after idling: answer once it has stopped, so the new owner can take its name.
            if (!_waitingForRetired.TryGetValue(name, out var waiting))
            {
                _waitingForRetired[name] = waiting = [];
            }

            waiting.Add((resolve, Sender));
            return;
        }

        var options = _options.Database;
        if (!options.CreateIfMissing && !File.Exists(DatabaseNames.ResolvePath(options.DataDirectory, name)))
        {
            Sender.Tell(new DatabaseNotFound(name), Self);
            return;
        }

        var history = new FailureHistory(_options, Context.System.TimeProvider);
        _histories[name] = history;
        var owner = Context.Watch(Context.ActorOf(DatabaseOwner.Props(name, _options, history), name));
        Sender.Tell(new Resolved(name, owner), Self);
    }

    private List<DatabaseStatus> Status()
    {
        var databases = new List<DatabaseStatus>();
        foreach (var owner in Context.GetChildren())
        {
            var name = owner.Path.Name;
            _histories.TryGetValue(name, out var history);
            var state = _retiring.Contains(owner) ? DatabaseState.Closing
                : history is { IsReopening: true } ? DatabaseState.Reopening
                : DatabaseState.Open;
            databases.Add(new DatabaseStatus(name, state, owner.NumberOfMessages(), history?.LastFailure));
        }

        var now = Context.System.TimeProvider.GetTimestamp();
        foreach (var (name, down) in _unavailable)
        {
            if (Context.Child(name) is null && Context.System.TimeProvider.GetElapsedTime(down.Since, now) < _options.FailureWindow)
            {
                databases.Add(new DatabaseStatus(name, DatabaseState.Unavailable, 0, down.Failure));
            }
        }

        databases.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return databases;
    }

    private void Drain()
    {
        _draining = true;
        var owners = Context.GetChildren();
        Log.LogInformation("Closing {Count} databases after their queued requests", owners.Count);
        foreach (var owner in owners)
        {
            owner.Tell(PoisonPill.Instance, Self);
        }

        StopIfDrained();
    }

    private void StopIfDrained()
    {
        if (_draining && Context.GetChildren().Count == 0)
        {
            Context.Stop(Self);
        }
    }

    private void OnIdleStop(DatabaseOwner.IdleStop idle)
    {
        if (Context.Child(idle.Name) is { } owner && owner.Equals(Sender) && _retiring.Add(owner))
        {
            Log.LogInformation("Database {Name} idled past {Idle}; closing it", idle.Name, _options.IdleTimeout);

            // Behind any request already queued for it: those are answered before it closes.
            owner.Tell(PoisonPill.Instance, Self);
        }
    }

    private void OnOwnerTerminated(Terminated terminated)
    {
        var owner = terminated.ActorRef;
        var name = owner.Path.Name;
        var retired = _retiring.Remove(owner);
        StopIfDrained();
        if (_waitingForRetired.Remove(name, out var waiting))
        {
            foreach (var (request, sender) in waiting)
            {
                Self.Tell(request, sender);
            }
        }

        if (!_histories.Remove(name, out var history) || retired || _draining)
        {
            return;
        }

        if (history.LastFailure is { } failure)
        {
            Log.LogError("Database {Name} failed {Max} times within {Window}; it is unavailable until then: {Failure}", name, _options.MaxFailures, _options.FailureWindow, failure);
            _unavailable[name] = (failure, Context.System.TimeProvider.GetTimestamp());
        }
    }
}
