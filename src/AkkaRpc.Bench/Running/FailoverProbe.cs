using System.Diagnostics;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Systems.AkkaRpc;
using AkkaRpc.Client;
using AkkaRpc.Protocol;

namespace AkkaRpc.Bench.Running;

/// <summary>
/// Times failover in a running cluster: makes a fresh database, finds the member that owns it, has a writer that enters
/// at another member (and so sends to the owner's member directly) insert one row after another, kills the owner with SIGKILL and measures from the kill to the first insert
/// acknowledged afterwards, which the new owner on a survivor ran. The killed member is then started again and waits until
/// it is Up, so each kill starts from a whole cluster.
/// </summary>
/// <param name="members">The cluster's members; a killed one is replaced in place by its restart.</param>
/// <param name="restart">Starts a member again with the arguments it had, and waits until it is Up.</param>
/// <param name="cookiePath">The cookie the clients authenticate with; null for the default.</param>
/// <param name="log">Hears what it does.</param>
internal sealed class FailoverProbe(List<ServerProcess> members, Func<IReadOnlyList<string>, CancellationToken, Task<ServerProcess>> restart, string? cookiePath, Action<string> log)
{
    /// <summary>
    /// How long one insert may wait before the writer gives up on it and sends the next. The writer sends its inserts
    /// straight to the owner's member; the one in flight at the kill fails at once (outcome unknown), and the next asks
    /// the writer's member where the owner is now, which holds the question (asking the shard region again every
    /// <c>akkarpc.cluster.resolve-retry</c>) until the new owner runs. This bound only matters for an insert sent to the
    /// killed member's owner through a relay that did not know yet.
    /// </summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the writer tries after a kill before the sample counts as failed.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan s_ownerSearch = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_pause = TimeSpan.FromMilliseconds(20);

    /// <summary>Kills an owner <paramref name="kills"/> times, one fresh database each, and returns each kill's figures.</summary>
    public async Task<IReadOnlyList<FailoverSample>> RunAsync(int kills, CancellationToken cancellationToken)
    {
        var samples = new List<FailoverSample>();
        for (int kill = 1; kill <= kills; kill++)
        {
            var sample = await KillOneAsync($"failover-{kill}", cancellationToken).ConfigureAwait(false);
            log(sample.Seconds is { } s
                ? $"failover {kill}: killed {sample.KilledMember}, first write acknowledged through {sample.WriterMember} after {s:0.000} s ({sample.FailedWrites} failed before)"
                : $"failover {kill}: {sample.Error}");
            samples.Add(sample);
        }

        return samples;
    }

    private async Task<FailoverSample> KillOneAsync(string database, CancellationToken cancellationToken)
    {
        var first = new AkkaRpcBenchSystem(new SystemEndpoint(SystemCatalog.AkkaRpcTcp, SystemKind.AkkaRpc, members[0].Addresses[0], database), cookiePath);
        await first.PrepareAsync(database, cancellationToken).ConfigureAwait(false);
        int owner = await FindOwnerAsync(database, cancellationToken).ConfigureAwait(false);
        if (owner < 0)
        {
            return new FailoverSample(database, "-", "-", null, 0, $"no member's status listed {database} within {s_ownerSearch.TotalSeconds:0} s, so none could be killed as its owner");
        }

        var killed = members[owner];
        int writerIndex = (owner + 1) % members.Count;
        string writerAddress = members[writerIndex].Addresses[0];
        var writer = await AkkaRpcClient.ConnectAsync(database, AkkaRpcBenchSystem.OptionsFor(writerAddress, cookiePath), cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            // One acknowledged write through the writer's member first: the path works before the kill.
            await InsertAsync(writer, cancellationToken).ConfigureAwait(false);

            long killedAt = Stopwatch.GetTimestamp();
            await killed.KillAsync(cancellationToken).ConfigureAwait(false);
            int failed = 0;
            double? seconds = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                long attempt = Stopwatch.GetTimestamp();
                if (Stopwatch.GetElapsedTime(killedAt, attempt) > GiveUpAfter)
                {
                    break;
                }

                try
                {
                    await InsertAsync(writer, cancellationToken).ConfigureAwait(false);
                    seconds = Stopwatch.GetElapsedTime(killedAt).TotalSeconds;
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Timed out, outcome unknown, or refused while the shard moves: all say "not yet". A quick refusal
                    // must not turn this into a busy loop.
                    failed++;
                    if (Stopwatch.GetElapsedTime(attempt) < AttemptTimeout / 2)
                    {
                        await Task.Delay(s_pause, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            var sample = new FailoverSample(database, killed.Addresses[0], writerAddress, seconds, failed,
                seconds is null ? $"no write through {writerAddress} was acknowledged within {GiveUpAfter.TotalSeconds:0} s of killing {killed.Addresses[0]}" : null);
            await killed.DisposeAsync().ConfigureAwait(false);
            members[owner] = await restart(killed.Arguments, cancellationToken).ConfigureAwait(false);
            return sample;
        }
    }

    private static async Task InsertAsync(AkkaRpcDatabase writer, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(AttemptTimeout);
        await writer.ExecuteAsync(BenchSchema.Insert, SqlParameters.Named(("value", 1L)), new RequestOptions(AttemptTimeout), attempt.Token).ConfigureAwait(false);
    }

    /// <summary>The index of the member whose status lists <paramref name="database"/> as open; -1 if none does in time.</summary>
    private async Task<int> FindOwnerAsync(string database, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_ownerSearch)
        {
            for (int i = 0; i < members.Count; i++)
            {
                var statuses = await AkkaRpcNodes.StatusAsync(AkkaRpcBenchSystem.OptionsFor(members[i].Addresses[0], cookiePath), cancellationToken).ConfigureAwait(false);
                if (statuses.Any(s => s.Databases.Any(d => d.Name == database)))
                {
                    return i;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }

        return -1;
    }
}
