using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Sqlite;

public sealed partial class DatabasesSupervisor
{
    private readonly Dictionary<string, (string Failure, long Since)> _unavailable = new(StringComparer.Ordinal);

    /// <summary>The delay before an owner reopens after its <paramref name="failures"/>-th failure within the window.</summary>
    /// <remarks>
    /// The one backoff formula: min, 2·min, 4·min, ... capped at max. Akka restarts the owner at once (in place, so its
    /// reference and mailbox survive); this delay is how long the restarted owner keeps requests waiting before it
    /// touches the file again, so a broken disk is not hammered.
    /// </remarks>
    internal static TimeSpan Backoff(DatabasesOptions options, int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(options.MaxBackoff.Ticks, options.MinBackoff.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() =>
        // No retry limit here: Akka counts restarts on the machine's clock, and the failure window must follow the
        // scheduler's (so tests can move it). The owner reports each failure (DatabaseOwner.Failed) and this actor
        // decides when to give up.
        new OneForOneStrategy(Decide);

    private static Directive Decide(Exception cause)
    {
        // A database failure restarts the owner: it opens the file again after the backoff. Any other failure while
        // handling a message is a bug in one request; restarting clears it. A failure to start (a misconfigured
        // mailbox, say) would only fail again, and Akka would retry it at once, with no backoff: that stops the owner.
        return cause is ActorInitializationException ? Directive.Stop : Directive.Restart;
    }

    private void OnOwnerFailed(DatabaseOwner.Failed failed)
    {
        if (StateOf(Sender) is not { } owner)
        {
            return;
        }

        var now = _time.GetTimestamp();
        while (owner.Failures.TryPeek(out var first) && _time.GetElapsedTime(first, now) > _options.FailureWindow)
        {
            owner.Failures.Dequeue();
        }

        owner.Failures.Enqueue(now);
        owner.LastFailure = failed.Failure;
        owner.Reopening = true;
        var name = owner.Actor.Path.Name;
        if (owner.Failures.Count >= _options.MaxFailures)
        {
            _log.Error(
                "Database {0} failed {1} times within {2}; it is unavailable until then: {3}",
                name, owner.Failures.Count, _options.FailureWindow, failed.Failure);
            _unavailable[name] = (failed.Failure, now);
            owner.Retiring = true;

            // Behind the requests already queued: the owner, still closed, stashes them and answers each one
            // DatabaseUnavailable as it stops.
            owner.Actor.Tell(PoisonPill.Instance);
            return;
        }

        var delay = Backoff(_options, owner.Failures.Count);
        Timers.StartSingleTimer(owner.ReopenTimer, new ReopenDue(owner.Actor), delay);

        // Logged once the timer is armed, so whoever sees this line may move (virtual) time past the delay.
        _log.Warning("Database {0} failed ({1}); reopening in {2} ms", name, failed.Failure, delay.TotalMilliseconds);
    }

    private void OnReopenDue(ReopenDue due)
    {
        if (StateOf(due.Owner) is { Retiring: false })
        {
            due.Owner.Tell(DatabaseOwner.Open.Instance);
        }
    }

    private void OnOwnerOpened(IActorRef actor)
    {
        if (StateOf(actor) is { } owner)
        {
            owner.Reopening = false;
        }
    }

    /// <summary>The answer for a database that failed too often, while its failure window lasts; null otherwise.</summary>
    private DatabaseUnavailable? Unavailable(string name)
    {
        if (!_unavailable.TryGetValue(name, out var down))
        {
            return null;
        }

        if (_time.GetElapsedTime(down.Since) < _options.FailureWindow)
        {
            return new DatabaseUnavailable(name, down.Failure);
        }

        // The window has passed: the next Resolve tries the file again.
        _unavailable.Remove(name);
        return null;
    }

    /// <summary>The supervisor's own timer: the backoff delay of <paramref name="Owner"/> has passed.</summary>
    private sealed record ReopenDue(IActorRef Owner);
}
