using Akka.Actor;
using AkkaRpc.Protocol;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 3: one client resolves and pings many distinct database names, eight at a time; the node's open files
/// and memory are read from /proc while it does.
/// </summary>
internal sealed class ManyDatabaseNames : Attack
{
    public override string Name => "many distinct database names";

    public override string Item => "3";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var system = context.RawSystem("many-names");
        var count = context.Profile.DistinctDatabases;
        var filesBefore = context.Node.OpenFiles();
        var peakFiles = filesBefore ?? 0;
        var peakMiB = context.Node.ResidentMiB() ?? 0;
        long answered = 0, failed = 0;
        string? firstError = null;
        var next = -1;
        async Task WorkerAsync()
        {
            // Bounded by the count of names and by the attack's budget.
            for (var i = Interlocked.Increment(ref next); i < count && !cancellationToken.IsCancellationRequested; i = Interlocked.Increment(ref next))
            {
                try
                {
                    var owner = await context.ResolveOwnerAsync(system, $"n{i:00000}", cancellationToken).ConfigureAwait(false);
                    var reply = await owner.Ask<DatabaseReply>(new Ping(), TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                    if (reply is Pong)
                    {
                        Interlocked.Increment(ref answered);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstError, Describe.Reply(reply), null);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, Describe.Error(ex), null);
                }

                if (i % 50 == 0)
                {
                    peakFiles = Math.Max(peakFiles, context.Node.OpenFiles() ?? 0);
                    peakMiB = Math.Max(peakMiB, context.Node.ResidentMiB() ?? 0);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(WorkerAsync, CancellationToken.None))).ConfigureAwait(false);
        peakFiles = Math.Max(peakFiles, context.Node.OpenFiles() ?? 0);
        peakMiB = Math.Max(peakMiB, context.Node.ResidentMiB() ?? 0);
        return new AttackObservation(
            $"{answered}/{count} names answered, {failed} failed{(firstError is null ? "" : $" (first: {firstError})")}; " +
            $"node open files {filesBefore} -> peak {peakFiles}, now {context.Node.OpenFiles()}; memory peak {peakMiB:0} MiB; node {(context.Node.HasExited ? "EXITED" : "running")}");
    }
}
