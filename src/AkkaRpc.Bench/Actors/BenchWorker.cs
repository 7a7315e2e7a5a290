using Akka.Actor;
using Akka.Event;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Actors;

/// <summary>
/// A load source in another process: registers with the coordinator, runs each share it receives through a local
/// <see cref="MetricsCollector"/>, forwards the figures, and ends when dismissed or when the coordinator goes away.
/// </summary>
internal sealed class BenchWorker : ReceiveActor
{
    /// <summary>The worker's name under <c>/user</c>.</summary>
    public const string Name = "bench-worker";

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _coordinator;
    private readonly string _name;
    private readonly TaskCompletionSource<string> _finished;

    /// <summary>Initializes the worker; <paramref name="finished"/> completes with the reason it ended.</summary>
    public BenchWorker(IActorRef coordinator, string name, IBenchSystemFactory systems, TaskCompletionSource<string> finished)
    {
        _coordinator = coordinator;
        _name = name;
        _finished = finished;
        Receive<WorkerRegistered>(registered => _log.Info("Registered with the benchmark coordinator ({0} workers so far)", registered.Workers));
        Receive<RunShare>(share =>
        {
            _log.Info("Running step {0}: {1} clients against {2}", share.StepId, share.Clients, share.System.Key);
            Context.ActorOf(MetricsCollector.Props(share, systems.Get(share.System), Self));
        });

        // From a local collector: pass it on as this worker's, so the coordinator knows whose share it is.
        Receive<ShareCompleted>(completed => _coordinator.Tell(completed));
        Receive<WorkerDismissed>(dismissed => Finish(dismissed.Reason));
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(_coordinator), _ => Finish("the coordinator went away"));
    }

    /// <summary>Props for a worker.</summary>
    public static Props Props(IActorRef coordinator, string name, IBenchSystemFactory systems, TaskCompletionSource<string> finished) =>
        Akka.Actor.Props.Create(() => new BenchWorker(coordinator, name, systems, finished));

    /// <inheritdoc/>
    protected override void PreStart()
    {
        Context.Watch(_coordinator);
        _coordinator.Tell(new RegisterWorker(_name));
    }

    /// <inheritdoc/>
    protected override void PostStop() => _finished.TrySetResult("the worker stopped");

    private void Finish(string reason)
    {
        _finished.TrySetResult(reason);
        Context.Stop(Self);
    }
}
