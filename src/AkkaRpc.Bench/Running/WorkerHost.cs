using Akka.Actor;
using Akka.Remote;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Running;

/// <summary>
/// The process side of <c>akkarpc bench-worker</c>: an actor system that joins the coordinator over Akka.Remote, runs
/// the <see cref="BenchWorker"/> until the run ends, then leaves through <see cref="CoordinatedShutdown"/>.
/// </summary>
internal static class WorkerHost
{
    private static readonly TimeSpan s_resolveAttempt = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_retryPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Registers as <paramref name="name"/> with the coordinator at <paramref name="coordinator"/> over
    /// <paramref name="transport"/> (trying for up to <paramref name="timeout"/>: it may start after its workers, as
    /// containers do), runs the shares it sends against <paramref name="systems"/> and returns why the worker ended.
    /// <paramref name="log"/> hears when it registered.
    /// </summary>
    /// <exception cref="FormatException">The address is not one this worker's transport can reach.</exception>
    /// <exception cref="IOException">The coordinator did not answer in time; the message says why when the transport knows (a refused cookie).</exception>
    public static async Task<string> RunAsync(
        string coordinator, string name, BenchTransport transport, IBenchSystemFactory systems, TimeSpan timeout, Func<string, Task> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(log);
        var address = CoordinatorAddress.Parse(coordinator, transport.Protocol);
        var system = BenchActorSystems.Create(BenchRemoting.WorkerSystemName(), BenchRemoting.Worker(transport));
        try
        {
            var target = await ResolveAsync(system, $"{address}/user/{BenchmarkCoordinator.Name}", timeout, cancellationToken).ConfigureAwait(false);
            var finished = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(BenchWorker.Props(target, name, systems, finished), BenchWorker.Name);
            await log($"worker {name} registered with {address}").ConfigureAwait(false);
            return await finished.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await CoordinatedShutdown.Get(system).Run(BenchFinished.Worker).ConfigureAwait(false);
        }
    }

    private static async Task<IActorRef> ResolveAsync(ActorSystem system, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Why connecting failed, as the transport says it (a refused cookie, a refused connection): a timeout alone hides it.
        var failures = new AssociationFailures();
        var listener = system.ActorOf(Props.Create(() => new AssociationFailures.Listener(failures)));
        system.EventStream.Subscribe(listener, typeof(AssociationErrorEvent));
        try
        {
            // Bounded by the deadline and by a count of attempts, so a clock that misbehaves cannot keep it going.
            var deadline = DateTime.UtcNow + timeout;
            var perAttempt = timeout < s_resolveAttempt ? timeout : s_resolveAttempt;
            int attempts = (int)Math.Ceiling(timeout / (perAttempt + s_retryPause)) + 1;
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return await system.ActorSelection(path).ResolveOne(perAttempt, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ActorNotFoundException or TimeoutException or AskTimeoutException)
                {
                    if (DateTime.UtcNow >= deadline || attempt >= attempts)
                    {
                        string why = failures.Last is { } failure ? failure : e.Message;
                        throw new IOException($"The coordinator at {path} did not answer within {timeout.TotalSeconds:0}s: {why}", e);
                    }

                    await Task.Delay(s_retryPause, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            system.EventStream.Unsubscribe(listener);
            system.Stop(listener);
        }
    }

    /// <summary>The last association failure a worker's system reported while it looked for its coordinator.</summary>
    private sealed class AssociationFailures
    {
        private string? _last;

        public string? Last => Volatile.Read(ref _last);

        public sealed class Listener : ReceiveActor
        {
            public Listener(AssociationFailures failures) =>
                Receive<AssociationErrorEvent>(e => Volatile.Write(ref failures._last, e.Cause?.InnerException?.Message ?? e.Cause?.Message ?? e.ToString()));
        }
    }
}
