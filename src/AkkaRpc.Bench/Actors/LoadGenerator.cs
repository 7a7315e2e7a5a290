using Akka.Actor;
using Akka.Event;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Actors;

/// <summary>One simulated client: opens its own connection, runs the workload, reports to its collector and stops.</summary>
internal sealed class LoadGenerator : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stopping = new();
    private readonly IBenchSystem _system;
    private readonly Workload _workload;
    private readonly int _client;

    /// <summary>Initializes the generator; it starts its workload on its own once created.</summary>
    public LoadGenerator(IBenchSystem system, Workload workload, int client, IActorRef collector)
    {
        _system = system;
        _workload = workload;
        _client = client;
        Receive<ClientFinished>(finished =>
        {
            collector.Tell(new LoadCompleted(client, finished.Metrics));
            Context.Stop(Self);
        });
    }

    /// <summary>Props for client number <paramref name="client"/>.</summary>
    public static Props Props(IBenchSystem system, Workload workload, int client, IActorRef collector) =>
        Akka.Actor.Props.Create(() => new LoadGenerator(system, workload, client, collector));

    /// <inheritdoc/>
    protected override void PreStart()
    {
        // The workload runs on the thread pool, not in this actor's turn: a synchronous system (SQLite in process)
        // would otherwise hold a dispatcher thread for the whole workload. Its result comes back as a message.
        var token = _stopping.Token;
        Task.Run(() => RunAsync(token), CancellationToken.None)
            .PipeTo(Self, success: metrics => new ClientFinished(metrics));
    }

    /// <inheritdoc/>
    protected override void PostStop()
    {
        // Stopping mid-request (the step timed out, the process is going) cancels the request in flight.
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task<LoadMetrics> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WorkloadRunner.RunAsync(_system, _workload, _client, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A client's bug is reported as its failure kind, so the step still completes with every client accounted for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.Warning(e, "Client {0} of {1} failed outside its requests", _client, _system.Endpoint.Key);
            var recorder = new MetricsRecorder();
            recorder.Failure("generator:" + MetricsRecorder.KindOf(e), _workload.Requests);
            return recorder.ToMetrics();
        }
    }

    private sealed record ClientFinished(LoadMetrics Metrics);
}
