namespace AkkaRpc.Actors;

/// <summary>How a parent handles its children's failures: a decider from exception to <see cref="Directive"/>, plus retry limits.</summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within <paramref name="withinTimeRange"/>; -1 for no limit, 0 for none.</param>
    /// <param name="withinTimeRange">The window for the retry count; <see cref="Timeout.InfiniteTimeSpan"/> or zero for no window.</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNrOfRetries, -1);
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
    }

    /// <summary>
    /// Akka's default: <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/> stop the child; anything else restarts it.
    /// </summary>
    public static Func<Exception, Directive> DefaultDecider { get; } = static cause => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one with <see cref="DefaultDecider"/> and no retry limit.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one that stops any failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>Restarts allowed within the window; -1 for no limit.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window for <see cref="MaxNumberOfRetries"/>.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>The directive for <paramref name="cause"/>.</summary>
    public Directive Decide(Exception cause) => Decider(cause);

    /// <summary>Applies <paramref name="directive"/> to the failed child and, for all-for-one, its siblings.</summary>
    internal abstract void Apply(ActorCell parent, Directive directive, Exception cause, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> children);

    private protected void Restart(ActorCell parent, ChildRestartStats failed, Exception cause, IEnumerable<ChildRestartStats> targets)
    {
        if (!failed.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, parent.System.TimeProvider))
        {
            // Over the retry limit: stop instead.
            foreach (var target in targets)
            {
                parent.StopChild(target.Child);
            }

            return;
        }

        foreach (var target in targets)
        {
            target.Child.Self.SendSystemMessage(new Recreate(cause));
        }
    }
}
