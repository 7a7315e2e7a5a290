using AkkaRpc.Actors;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Actors;

/// <summary>
/// A load source in another process: registers with the coordinator, runs each share it receives through a local
/// <see cref="MetricsCollector"/>, forwards the figures, and ends when dismissed or when the coordinator goes away.
/// </summary>
internal sealed class BenchWorker : ReceiveActor
{
    private readonly IActorRef _coordinator;
    private readonly string _name;
    private readonly TaskCompletionSource<string> _finished;

    /// <summary>Initializes the worker; <paramref name="finished"/> completes with the reason it ended.</summary>
    public BenchWorker(IActorRef coordinator, string name, IBenchSystemFactory systems, TaskCompletionSource<string> finished)
    {
        _coordinator = coordinator;
        _name = name;
        _finished = finished;
        Receive<WorkerRegistered>(registered => Log.LogBenchWorkerRegistered(registered.Workers));
        Receive<RunShare>(share =>
        {
            Log.LogBenchShareStarted(share.StepId, share.Clients, share.System.Key);
            Context.ActorOf(MetricsCollector.Props(share, systems.Get(share.System), Self));
        });

        // From a local collector: pass it on as this worker's, so the coordinator knows whose share it is.
        Receive<ShareCompleted>(completed => _coordinator.Tell(completed, Self));
        Receive<WorkerDismissed>(dismissed =>
        {
            _finished.TrySetResult(dismissed.Reason);
            Context.Stop(Self);
        });
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(_coordinator), _ =>
        {
            _finished.TrySetResult("the coordinator went away");
            Context.Stop(Self);
        });
    }

    /// <summary>Props for a worker.</summary>
    public static Props Props(IActorRef coordinator, string name, IBenchSystemFactory systems, TaskCompletionSource<string> finished) =>
        global::AkkaRpc.Actors.Props.Create(() => new BenchWorker(coordinator, name, systems, finished));

    /// <inheritdoc/>
    protected override void PreStart()
    {
        Context.Watch(_coordinator);
        _coordinator.Tell(new RegisterWorker(_name), Self);
    }

    /// <inheritdoc/>
    protected override void PostStop() => _finished.TrySetResult("the worker stopped");
}
