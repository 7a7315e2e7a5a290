using System.Diagnostics;
using AkkaRpc.Cli.Commands;
using AkkaRpc.Client;

namespace AkkaRpc.Cli.Cluster;

/// <summary>Stops the members recorded in the runtime directory's cluster file: SIGTERM, wait, report; then forgets them.</summary>
internal static class ClusterStopper
{
    /// <summary>Stops every recorded member and removes the cluster file; the exit code after reporting each member to <paramref name="output"/>.</summary>
    public static async Task<int> StopAsync(AkkaRpcClientOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var clusterFile = LocalClusterFile.PathFor(options);
        LocalClusterFile? cluster;
        try
        {
            cluster = LocalClusterFile.Read(clusterFile);
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return ExitCodes.Failure;
        }

        if (cluster is null)
        {
            await output.WriteLineAsync("No local cluster was running.");
            return ExitCodes.Ok;
        }

        // The oldest live member (the first recorded: it formed the cluster) goes last. Leaving together, it would hand the
        // shard coordinator singleton to the next oldest, which is leaving too, and wait out the hand-over retries (13 s
        // measured); the others first, all at once, so their leaves and drains overlap instead of adding up.
        var oldest = cluster.Members.FirstOrDefault(m => MemberProcess.IsRunning(m.Pid));
        var results = (await Task.WhenAll(cluster.Members.Where(m => m != oldest).Select(m => StopOneAsync(m, cancellationToken)))).ToList();
        if (oldest is not null)
        {
            results.Insert(cluster.Members.ToList().IndexOf(oldest), await StopOneAsync(oldest, cancellationToken));
        }

        foreach (var line in results)
        {
            await output.WriteLineAsync(line.Text);
        }

        File.Delete(clusterFile);
        return results.All(r => r.Clean) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static async Task<(string Text, bool Clean)> StopOneAsync(LocalClusterMember member, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!MemberProcess.Terminate(member.Pid))
        {
            return ($"{member.Address} (pid {member.Pid}) was not running.", true);
        }

        if (await MemberProcess.WaitForExitAsync(member.Pid, ServeCommand.ShutdownTimeout + TimeSpan.FromSeconds(5), cancellationToken))
        {
            return ($"{member.Address} (pid {member.Pid}) stopped in {clock.Elapsed.TotalSeconds:0.0} s.", true);
        }

        MemberProcess.KillHard(member.Pid);
        return ($"{member.Address} (pid {member.Pid}) did not stop within {clock.Elapsed.TotalSeconds:0} s of SIGTERM; killed it (log: {member.LogFile}).", false);
    }
}
