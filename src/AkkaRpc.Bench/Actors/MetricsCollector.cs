using Akka.Actor;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Actors;

/// <summary>
/// Runs a share of a step: starts one <see cref="LoadGenerator"/> per client as its children, merges their histograms,
/// counts and bytes as they report, counts any that stop without reporting as lost, and sends one
/// <see cref="ShareCompleted"/> to whoever asked once every client is accounted for.
/// </summary>
internal sealed class MetricsCollector : ReceiveActor
{
    private readonly RunShare _share;
    private readonly IBenchSystem _system;
    private readonly IActorRef _replyTo;
    private readonly HashSet<IActorRef> _running = [];
    private readonly MetricsMerger _merged = new();
    private int _lost;

    /// <summary>Initializes the collector for <paramref name="share"/>; results go to <paramref name="replyTo"/>.</summary>
    public MetricsCollector(RunShare share, IBenchSystem system, IActorRef replyTo)
    {
        _share = share;
        _system = system;
        _replyTo = replyTo;
        Receive<LoadCompleted>(completed =>
        {
            if (_running.Remove(Sender))
            {
                Context.Unwatch(Sender);
                _merged.Add(completed.Metrics);
                CompleteIfDone();
            }
        });
        Receive<Terminated>(terminated =>
        {
            if (_running.Remove(terminated.ActorRef))
            {
                _lost++;
                CompleteIfDone();
            }
        });
    }

    /// <summary>Props for a collector of <paramref name="share"/>.</summary>
    public static Props Props(RunShare share, IBenchSystem system, IActorRef replyTo) =>
        Akka.Actor.Props.Create(() => new MetricsCollector(share, system, replyTo));

    /// <inheritdoc/>
    protected override void PreStart()
    {
        // The previous step's garbage is collected now, so this step's clients do not pay for it mid-measurement.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        for (int i = 0; i < _share.Clients; i++)
        {
            int client = _share.FirstClient + i;
            var generator = Context.ActorOf(LoadGenerator.Props(_system, _share.Workload, client, Self), $"client-{client}");
            Context.Watch(generator);
            _running.Add(generator);
        }

        CompleteIfDone();
    }

    private void CompleteIfDone()
    {
        if (_running.Count == 0)
        {
            _replyTo.Tell(new ShareCompleted(_share.StepId, _merged.ToMetrics(), _lost));
            Context.Stop(Self);
        }
    }
}
