using System.Diagnostics;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Scenarios;

/// <summary>Runs one client's workload on a connection of its own, timing every request; failures are counted, never thrown.</summary>
internal static class WorkloadRunner
{
    /// <summary>Runs <paramref name="workload"/> as client number <paramref name="client"/> and returns what it measured.</summary>
    public static async Task<LoadMetrics> RunAsync(IBenchSystem system, Workload workload, int client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(workload);
        var recorder = new MetricsRecorder();
        if (workload.Operation == OperationKind.Connect)
        {
            await ConnectRepeatedlyAsync(system, workload, recorder, cancellationToken).ConfigureAwait(false);
            return recorder.ToMetrics();
        }

        IBenchConnection connection;
        try
        {
            connection = await system.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A client that cannot connect fails every request it would have made, so the success rate shows it.
            recorder.Failure("connect:" + MetricsRecorder.KindOf(e), workload.Requests);
            return recorder.ToMetrics();
        }

        await using (connection.ConfigureAwait(false))
        {
            var operation = new ClientOperation(connection, workload, client);
            try
            {
                await operation.PrepareAsync(cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < workload.Warmup && !cancellationToken.IsCancellationRequested; i++)
                {
                    await operation.RunAsync(workload.Requests + i, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                recorder.Failure("warmup:" + MetricsRecorder.KindOf(e), workload.Requests);
                return recorder.ToMetrics();
            }

            long deadline = Stopwatch.GetTimestamp() + StopwatchNanoseconds.TicksIn(workload.MaxDuration);
            recorder.Start();
            if (workload.InFlight > 1)
            {
                await PipelineAsync(operation, workload, recorder, deadline, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                for (int i = 0; i < workload.Requests && !cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline; i++)
                {
                    await TimeOneAsync(operation, i, recorder, cancellationToken).ConfigureAwait(false);
                }
            }

            recorder.Stop();
            await operation.CleanUpAsync(cancellationToken).ConfigureAwait(false);
        }

        return recorder.ToMetrics();
    }

    /// <summary>
    /// Keeps <see cref="Workload.InFlight"/> requests outstanding on the one connection: that many lanes each send the
    /// next request as soon as their previous one is answered, until the count or the deadline.
    /// </summary>
    private static async Task PipelineAsync(ClientOperation operation, Workload workload, MetricsRecorder recorder, long deadline, CancellationToken cancellationToken)
    {
        long next = -1;
        var gate = new Lock();
        async Task LaneAsync()
        {
            var lane = new MetricsRecorder();
            long request;
            while ((request = Interlocked.Increment(ref next)) < workload.Requests && !cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
            {
                await TimeOneAsync(operation, request, lane, cancellationToken).ConfigureAwait(false);
            }

            lock (gate)
            {
                recorder.Add(lane);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workload.InFlight).Select(_ => LaneAsync())).ConfigureAwait(false);
    }

    private static async Task TimeOneAsync(ClientOperation operation, long request, MetricsRecorder recorder, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            Transfer transfer = await operation.RunAsync(request, cancellationToken).ConfigureAwait(false);
            recorder.Success(start, Stopwatch.GetTimestamp(), transfer.Sent, transfer.Received);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            recorder.Failure(MetricsRecorder.KindOf(e));
        }
    }

    private static async Task ConnectRepeatedlyAsync(IBenchSystem system, Workload workload, MetricsRecorder recorder, CancellationToken cancellationToken)
    {
        long deadline = 0;
        for (int i = -workload.Warmup; i < workload.Requests && !cancellationToken.IsCancellationRequested; i++)
        {
            if (i == 0)
            {
                deadline = Stopwatch.GetTimestamp() + StopwatchNanoseconds.TicksIn(workload.MaxDuration);
                recorder.Start();
            }
            else if (i > 0 && Stopwatch.GetTimestamp() >= deadline)
            {
                break;
            }

            long start = Stopwatch.GetTimestamp();
            try
            {
                var connection = await system.ConnectFreshAsync(cancellationToken).ConfigureAwait(false);
                long end = Stopwatch.GetTimestamp();
                await connection.DisposeAsync().ConfigureAwait(false);
                if (i >= 0)
                {
                    recorder.Success(start, end, 0, 0);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (i >= 0)
                {
                    recorder.Failure(MetricsRecorder.KindOf(e));
                }
            }
        }

        recorder.Stop();
    }
}
