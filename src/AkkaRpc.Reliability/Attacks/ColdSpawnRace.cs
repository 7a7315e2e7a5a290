using System.Diagnostics;
using System.Globalization;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Many <c>akkarpc query</c> processes started at once where no node runs (a sandbox of their own): each must be
/// answered, and exactly one node must be left running.
/// </summary>
internal sealed class ColdSpawnRace : Attack
{
    public override string Name => "simultaneous cold akkarpc query";

    public override string Item => "held";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        using var cold = new Sandbox();
        var count = context.Profile.ColdQueries;
        var runs = Enumerable.Range(0, count).Select(i => QueryAsync(cold, i, cancellationToken)).ToList();
        try
        {
            var codes = await Task.WhenAll(runs).ConfigureAwait(false);
            var nodes = NodePids(cold);
            var failed = codes.Where(c => c.Code != 0).Select(c => c.Error).Distinct().Take(2).ToList();
            return new AttackObservation(
                $"{codes.Count(c => c.Code == 0)}/{count} queries answered{(failed.Count > 0 ? $" (failed: {string.Join(" | ", failed)})" : "")}; nodes running afterwards: {nodes.Count}");
        }
        finally
        {
            foreach (var pid in NodePids(cold))
            {
                try
                {
                    using var node = Process.GetProcessById(pid);
                    node.Kill();
                    await node.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeoutException)
                {
                    // Already gone.
                }
            }
        }
    }

    private static async Task<(int Code, string Error)> QueryAsync(Sandbox sandbox, int i, CancellationToken cancellationToken)
    {
        var info = NodeUnderAttack.Command(["query", "cold", $"SELECT {i}", "--json"]);
        info.Environment["AKKARPC_RUNTIME_DIR"] = sandbox.RuntimeDirectory;
        info.Environment["AKKARPC_DATA_DIR"] = sandbox.DataDirectory;
        info.Environment["AKKARPC_SERVER"] = NodeUnderAttack.Executable;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start akkarpc query.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        // A client gives a node it spawned 20 s to answer and then its request 30 s; 64 processes starting at once on a
        // small machine take a while longer, so the ceiling is wide and only keeps a hung client from hanging the run.
        var ceiling = TimeSpan.FromSeconds(180);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(ceiling, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill();
            return (-1, $"no answer within {ceiling.TotalSeconds:0} s");
        }

        await output.ConfigureAwait(false);
        return (process.ExitCode, Describe.Line(await error.ConfigureAwait(false)));
    }

    /// <summary>The pids of <c>akkarpc serve</c> processes whose command line names the sandbox's runtime directory.</summary>
    private static List<int> NodePids(Sandbox sandbox)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                try
                {
                    var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                    if (commandLine.Contains("serve") && commandLine.Any(a => a.Contains(sandbox.RuntimeDirectory, StringComparison.Ordinal)))
                    {
                        pids.Add(pid);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The process ended while we looked.
                }
            }
        }

        return pids;
    }
}
