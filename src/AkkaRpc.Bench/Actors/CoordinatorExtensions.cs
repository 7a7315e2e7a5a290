using Akka.Actor;
using AkkaRpc.Bench.Protocol;

namespace AkkaRpc.Bench.Actors;

/// <summary>How code outside the actor system runs a plan on a <see cref="BenchmarkCoordinator"/>.</summary>
internal static class CoordinatorExtensions
{
    /// <summary>
    /// Runs <paramref name="plan"/> on <paramref name="coordinator"/> through a <see cref="PlanRequester"/> in
    /// <paramref name="system"/> and returns its outcome; <paramref name="onStep"/> hears each step as it ends.
    /// Cancelling stops the request (not the coordinator); <paramref name="ceiling"/> bounds the whole plan.
    /// </summary>
    public static async Task<PlanCompleted> RunPlanAsync(
        this IActorRef coordinator, ActorSystem system, RunPlan plan, TimeSpan ceiling, Action<StepOutcome> onStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var result = new TaskCompletionSource<PlanCompleted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var requester = system.ActorOf(Props.Create(() => new PlanRequester(coordinator, plan, ceiling, onStep, result)));
        await using (cancellationToken.Register(() => requester.Tell(PoisonPill.Instance)).ConfigureAwait(false))
        {
            return await result.Task.ConfigureAwait(false);
        }
    }
}
