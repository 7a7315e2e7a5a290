using AkkaRpc.Actors;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Actors;

/// <summary>One simulated client: opens its own connection, runs the workload, reports to its collector and stops.</summary>
internal sealed class LoadGenerator : ReceiveActor
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Initializes the generator; it starts on its own once created.</summary>
    public LoadGenerator(IBenchSystem system, Workload workload, int client, IActorRef collector)
    {
        ReceiveAsync<Start>(async _ =>
        {
            LoadMetrics metrics;
            try
            {
                metrics = await WorkloadRunner.RunAsync(system, workload, client, _stopping.Token);
            }
#pragma warning disable CA1031 // A client's bug is reported as its failure kind, so the step still completes with every client accounted for.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var recorder = new MetricsRecorder();
                recorder.Failure("generator:" + MetricsRecorder.KindOf(e), workload.Requests);
                metrics = recorder.ToMetrics();
            }

            collector.Tell(new LoadCompleted(client, metrics), Self);
            Context.Stop(Self);
        });
    }

    /// <summary>Props for client number <paramref name="client"/>.</summary>
    public static Props Props(IBenchSystem system, Workload workload, int client, IActorRef collector) =>
        global::AkkaRpc.Actors.Props.Create(() => new LoadGenerator(system, workload, client, collector));

    /// <inheritdoc/>
    protected override void PreStart() => Self.Tell(Start.Instance, Self);

    /// <inheritdoc/>
    protected override void PostStop()
    {
        // Stopping mid-request (the step timed out, the process is going) cancels the request in flight.
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private sealed record Start
    {
        public static readonly Start Instance = new();
    }
}
