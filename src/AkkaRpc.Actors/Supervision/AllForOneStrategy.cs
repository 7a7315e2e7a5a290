namespace AkkaRpc.Actors;

/// <summary>Applies a restart or stop to all children when one fails; resume applies to the failed child only.</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with retry limits (counted on the failed child).</summary>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <summary>Creates the strategy with no retry limit.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
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
                Restart(parent, failed, cause, children);
                break;
            case Directive.Stop:
                foreach (var child in children)
                {
                    parent.StopChild(child.Child);
                }

                break;
        }
    }
}
