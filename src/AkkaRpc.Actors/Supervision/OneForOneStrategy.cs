namespace AkkaRpc.Actors;

/// <summary>Applies a directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with retry limits.</summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <summary>Creates the strategy with no retry limit.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : base(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    internal override void Apply(ActorCell parent, Directive directive, Exception cause, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> children)
    {
        switch (directive)
        {
            case Directive.Resume:
                failed.Child.Self.SendSystemMessage(new Resume(cause));
                break;
            case Directive.Restart:
                Restart(parent, failed, cause, [failed]);
                break;
            case Directive.Stop:
                parent.StopChild(failed.Child);
                break;
        }
    }
}
