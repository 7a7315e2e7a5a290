using Akka.Actor;
using AkkaRpc.Bench.Protocol;

namespace AkkaRpc.Bench.Actors;

/// <summary>
/// Asks a coordinator to run a plan on behalf of code outside the actor system: passes each <see cref="StepOutcome"/>
/// to a progress callback as it arrives, and completes a task with the <see cref="PlanCompleted"/>, or fails it with the
/// coordinator's <see cref="PlanFailed"/> reason, its death, or the ceiling running out. An ask that hears more than one
/// answer, so the ceiling is a timer of its own.
/// </summary>
internal sealed class PlanRequester : ReceiveActor, IWithTimers
{
    private const string CeilingTimer = "ceiling";
    private readonly IActorRef _coordinator;
    private readonly RunPlan _plan;
    private readonly TimeSpan _ceiling;
    private readonly TaskCompletionSource<PlanCompleted> _result;

    /// <summary>Initializes the requester; <paramref name="onStep"/> runs on this actor, so it must be quick and thread-safe.</summary>
    public PlanRequester(IActorRef coordinator, RunPlan plan, TimeSpan ceiling, Action<StepOutcome> onStep, TaskCompletionSource<PlanCompleted> result)
    {
        _coordinator = coordinator;
        _plan = plan;
        _ceiling = ceiling;
        _result = result;
        Receive<StepOutcome>(onStep);
        Receive<PlanCompleted>(completed => Finish(() => _result.TrySetResult(completed)));
        Receive<PlanFailed>(failed => Finish(() => _result.TrySetException(new InvalidOperationException(failed.Reason))));
        Receive<Terminated>(_ => Finish(() => _result.TrySetException(new InvalidOperationException("The benchmark coordinator stopped before the plan completed."))));
        Receive<CeilingReached>(_ => Finish(() => _result.TrySetException(new TimeoutException($"The plan did not complete within {_ceiling}, the sum of its steps' caps."))));
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc/>
    protected override void PreStart()
    {
        Context.Watch(_coordinator);
        Timers.StartSingleTimer(CeilingTimer, CeilingReached.Instance, _ceiling);
        _coordinator.Tell(_plan);
    }

    /// <inheritdoc/>
    protected override void PostStop() => _result.TrySetCanceled();

    private void Finish(Action complete)
    {
        complete();
        Context.Stop(Self);
    }

    private sealed record CeilingReached
    {
        public static readonly CeilingReached Instance = new();
    }
}
