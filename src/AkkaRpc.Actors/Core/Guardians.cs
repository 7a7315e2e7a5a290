namespace AkkaRpc.Actors;

/// <summary>The <c>/user</c> and <c>/system</c> guardians: they only supervise their children.</summary>
internal sealed class GuardianActor(SupervisorStrategy strategy) : ActorBase
{
    protected internal override bool Receive(object message) => false;

    protected internal override SupervisorStrategy SupervisorStrategy() => strategy;

    // A guardian keeps its children across its own restart.
    protected override void PreRestart(Exception reason, object? message)
    {
    }
}

/// <summary>
/// The root guardian. It watches <c>/user</c> and <c>/system</c>: when <c>/user</c> stops (on
/// <see cref="ActorSystem.Terminate"/> or after a fatal failure) it stops <c>/system</c>, then itself.
/// </summary>
internal sealed class RootGuardianActor : ActorBase
{
    protected override void PreStart()
    {
        Context.Watch(Cell.System.UserGuardian);
        Context.Watch(Cell.System.SystemGuardian);
    }

    protected internal override bool Receive(object message)
    {
        if (message is not Terminated terminated)
        {
            return false;
        }

        var system = Cell.System;
        if (terminated.ActorRef.Equals(system.UserGuardian))
        {
            Context.Stop(system.SystemGuardian);
        }
        else if (terminated.ActorRef.Equals(system.SystemGuardian))
        {
            Context.Stop(Self);
        }

        return true;
    }

    protected internal override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;
}
