using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using AkkaRpc.Cli.Commands;
using AkkaRpc.Client;
using AkkaRpc.Hosting;
using AkkaRpc.Transport;

namespace AkkaRpc.Cli.Cluster;

/// <summary>Starts the members of a local cluster detached, records them in the runtime directory and waits until all are Up.</summary>
internal static class ClusterStarter
{
    /// <summary>The line a member prints once the cluster has made it Up (see ServeCommand).</summary>
    public const string MemberUpLine = "cluster member up";

    /// <summary>The runtime directory's folder of member logs.</summary>
    public const string LogFolder = "cluster";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs <paramref name="plan"/>; returns the exit code after reporting to <paramref name="output"/> / <paramref name="error"/>.</summary>
    public static async Task<int> StartAsync(ClusterPlan plan, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = plan.Client;
        var runtime = ClientPaths.RuntimeDirectory(options);
        var clusterFile = Path.Combine(runtime, LocalClusterFile.FileName);
        string? refusal;
        try
        {
            refusal = Refusal(runtime, clusterFile);
        }
        catch (InvalidDataException e)
        {
            refusal = e.Message;
        }

        if (refusal is not null)
        {
            await error.WriteLineAsync("error: " + refusal);
            return ExitCodes.Failure;
        }

        var dataDirectory = Path.GetFullPath(plan.DataDirectory ?? ClientPaths.DataDirectory(options));
        Directory.CreateDirectory(dataDirectory);
        var logs = Directory.CreateDirectory(Path.Combine(runtime, LogFolder)).FullName;
        var (fileName, prefix) = ClientPaths.ServerCommand(options);
        var addresses = Enumerable.Range(plan.FirstPort, plan.Nodes)
            .Select(port => new Address("akka." + RpcTcpTransport.Scheme, options.SystemName, "127.0.0.1", port).ToString())
            .ToList();

        var clock = Stopwatch.StartNew();
        var started = new List<(LocalClusterMember Member, SpawnedNode Process)>();
        var up = false;
        try
        {
            for (var i = 0; i < plan.Nodes; i++)
            {
                var port = plan.FirstPort + i;
                var log = Path.Combine(logs, $"member-{port.ToString(CultureInfo.InvariantCulture)}.log");
                File.WriteAllText(log, ""); // each start's log begins empty, so its tail and its up line are this start's
                var process = NodeSpawner.StartDetached(fileName, [.. prefix, .. MemberArguments(plan, options, dataDirectory, port, addresses)], log);
                started.Add((new LocalClusterMember(addresses[i], process.ProcessId, log), process));
            }

            // Recorded before waiting, so that `cluster stop` finds members even if this command is interrupted.
            new LocalClusterFile(options.SystemName, dataDirectory, DateTimeOffset.UtcNow, [.. started.Select(s => s.Member)]).Write(clusterFile);

            if (await WaitUntilUpAsync(started, plan.Timeout, cancellationToken) is { } failure)
            {
                await error.WriteLineAsync("error: " + failure);
                return ExitCodes.Failure;
            }

            up = true;
            await output.WriteLineAsync($"cluster of {plan.Nodes} member(s) up in {clock.Elapsed.TotalSeconds:0.0} s, serving {dataDirectory}:");
            foreach (var (member, _) in started)
            {
                await output.WriteLineAsync($"  {member.Address}  pid {member.Pid}  log {member.LogFile}");
            }

            await output.WriteLineAsync($"Members recorded in {clusterFile}; clients find them there. Stop them with 'akkarpc cluster stop'.");
            return ExitCodes.Ok;
        }
        finally
        {
            if (!up)
            {
                // Nothing half-started stays behind: stop what was started and forget it.
                await StopAllAsync(started.Select(s => s.Member.Pid), error);
                File.Delete(clusterFile);
            }

            foreach (var (_, process) in started)
            {
                process.Dispose();
            }
        }
    }

    private static List<string> MemberArguments(ClusterPlan plan, AkkaRpcClientOptions options, string dataDirectory, int port, List<string> seeds)
    {
        var arguments = new List<string>
        {
            "serve",
            "--cluster",
            "--data-dir", dataDirectory,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--remote:tcp:port-search=1",
            "--system-name", options.SystemName,
            // A member that asks a seed before that seed has formed the cluster is told no, and asks again after
            // seed-node-timeout (Akka's default 5 s, which was most of a 13 s start); on loopback 1 s is ample.
            "--akka:cluster:seed-node-timeout=1s",
        };
        // Every member lists every member as a seed node in the same order: the first forms the cluster, the others
        // join whichever seed answers, so the cluster forms whatever order the processes come up in.
        foreach (var seed in seeds)
        {
            arguments.AddRange(["--seed-node", seed]);
        }

        if (options.CookiePath is { } cookie)
        {
            arguments.Add("--remote:cookie-path=" + Path.GetFullPath(cookie));
        }

        arguments.AddRange(plan.Settings);
        return arguments;
    }

    // Why no cluster may start here now, or null: one already runs, or a single node of this runtime directory does
    // (its clients would keep using it, beside the cluster, on the same files).
    private static string? Refusal(string runtime, string clusterFile)
    {
        if (LocalClusterFile.Read(clusterFile) is { } existing && existing.Members.Where(m => MemberProcess.IsRunning(m.Pid)).ToList() is { Count: > 0 } live)
        {
            return $"a local cluster already runs here ({clusterFile}): {string.Join(", ", live.Select(m => $"{m.Address} pid {m.Pid}"))}. Stop it first with 'akkarpc cluster stop'.";
        }

        using var nodeLock = NodeLock.TryAcquire(Path.Combine(runtime, ClientPaths.LockFileName));
        return nodeLock is null
            ? $"a single node of this runtime directory ({runtime}) runs; its clients would go on using it beside the cluster. Stop it first with 'akkarpc stop'."
            : null;
    }

    private static async Task<string?> WaitUntilUpAsync(List<(LocalClusterMember Member, SpawnedNode Process)> members, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiting = members.ToList();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var member in waiting.ToList())
            {
                if (member.Process.ExitCode is { } code)
                {
                    return $"member {member.Member.Address} (pid {member.Member.Pid}) exited with code {code} before it was Up; every member was stopped. " +
                        $"Its log, {member.Member.LogFile}, ends with:{Environment.NewLine}{Tail(member.Process)}";
                }

                if (LogSaysUp(member.Member.LogFile))
                {
                    waiting.Remove(member);
                }
            }

            if (waiting.Count == 0)
            {
                return null;
            }

            if (clock.Elapsed >= timeout)
            {
                return $"{string.Join(", ", waiting.Select(w => $"{w.Member.Address} (pid {w.Member.Pid})"))} not Up within {timeout.TotalSeconds:0.#} s (--timeout); every member was stopped. " +
                    string.Join("", waiting.Select(w => $"{Environment.NewLine}The log of {w.Member.Address}, {w.Member.LogFile}, ends with:{Environment.NewLine}{Tail(w.Process)}"));
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    // The log's last lines, each cut short: a failed start logs the whole exception on one line before its cause.
    private static string Tail(SpawnedNode member) => string.Join(
        Environment.NewLine,
        member.Tail(8).Split(Environment.NewLine).Select(l => l.Length > 240 ? l[..240] + " ..." : l));

    private static bool LogSaysUp(string logFile)
    {
        using var file = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith(MemberUpLine, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task StopAllAsync(IEnumerable<int> pids, TextWriter error)
    {
        var stopping = pids.Where(MemberProcess.Terminate).ToList();
        foreach (var pid in stopping)
        {
            if (!await MemberProcess.WaitForExitAsync(pid, ServeCommand.ShutdownTimeout, CancellationToken.None) && MemberProcess.KillHard(pid))
            {
                await error.WriteLineAsync($"member pid {pid} did not stop within {ServeCommand.ShutdownTimeout.TotalSeconds:0} s of SIGTERM; killed it.");
            }
        }
    }
}
