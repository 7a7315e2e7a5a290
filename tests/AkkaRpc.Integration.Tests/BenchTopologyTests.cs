using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AkkaRpc.Integration.Tests;

/// <summary>
/// docker-compose.yml's topology with real processes on loopback: an <c>akkarpc serve</c> node, an <c>akkarpc bench</c>
/// coordinator against it, and four <c>akkarpc bench-worker</c> processes that generate the load.
/// </summary>
public sealed class BenchTopologyTests : IAsyncLifetime
{
    // A ceiling, not an expectation: a whole bench run with four workers, which took over 90 s on a loaded 2-core machine.
    private static readonly TimeSpan Ceiling = TestTime.Dilated(TimeSpan.FromSeconds(240));
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("akkarpc-topology-");
    private readonly List<Process> _processes = [];
    private NodeProcess? _node;

    private string Cookie => Path.Combine(_root.FullName, "cookie");

    private string Results => Path.Combine(_root.FullName, "results.json");

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task ANodeACoordinatorAndFourWorkers_RunTheSuite_AndEveryWorkerTakesPart()
    {
        var (coordinator, coordinatorOutput, workers) = await StartTopologyAsync();

        await coordinator.WaitForExitAsync().WaitAsync(Ceiling);
        var workerOutputs = await Task.WhenAll(workers.Select(async w =>
        {
            var text = await w.StandardOutput.ReadToEndAsync();
            await w.WaitForExitAsync().WaitAsync(Ceiling);
            return (w.ExitCode, text);
        }));

        Assert.True(coordinator.ExitCode == 0, Text(coordinatorOutput));
        Assert.All(workerOutputs, w =>
        {
            Assert.Equal(0, w.ExitCode);
            Assert.Contains("registered with", w.text, StringComparison.Ordinal);
            Assert.Contains("done: the run is complete", w.text, StringComparison.Ordinal);
        });
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Results));
        var metadata = json.RootElement.GetProperty("metadata");
        Assert.Equal(4, metadata.GetProperty("workers").GetInt32());
        Assert.Equal(0, metadata.GetProperty("lost_workers").GetArrayLength());
        var akkarpc = json.RootElement.GetProperty("akkarpc_tcp");
        Assert.Equal(1.0, akkarpc.GetProperty("success_rate").GetDouble());
        Assert.True(akkarpc.GetProperty("latency").GetProperty("count").GetInt64() > 0);
        Assert.Equal(1.0, json.RootElement.GetProperty("http").GetProperty("success_rate").GetDouble());
        Assert.True(new FileInfo(Path.ChangeExtension(Results, ".html")).Length > 0);
    }

    [Fact]
    public async Task AWorkerKilledMidRun_TheRunStillFinishes_AndReportsTheLostWorker()
    {
        var (coordinator, coordinatorOutput, workers) = await StartTopologyAsync(untilLine: "akkarpc_tcp");
        workers[0].Kill();

        await coordinator.WaitForExitAsync().WaitAsync(Ceiling);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Results));
        var lost = json.RootElement.GetProperty("metadata").GetProperty("lost_workers").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["w0"], lost);
        var lostClients = json.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("lost_clients", out _))
            .Sum(p => p.Value.GetProperty("lost_clients").GetInt32());
        Assert.True(coordinator.ExitCode == (lostClients > 0 ? 1 : 0), $"exit {coordinator.ExitCode} with {lostClients} lost clients:\n{Text(coordinatorOutput)}");
        foreach (var survivor in workers.Skip(1))
        {
            await survivor.WaitForExitAsync().WaitAsync(Ceiling);
            Assert.Equal(0, survivor.ExitCode);
        }
    }

    private static string Text(List<string> lines)
    {
        lock (lines)
        {
            return string.Join('\n', lines);
        }
    }

    private async Task<(Process Coordinator, List<string> Output, List<Process> Workers)> StartTopologyAsync(string? untilLine = null)
    {
        _node = await NodeProcess.StartAsync(Path.Combine(_root.FullName, "data"), Path.Combine(_root.FullName, "run", "node.sock"), Cookie, Ceiling);
        var nodeAddress = _node.Addresses.First(a => a.Protocol == "akka.rpc.tcp");
        var port = Loopback.FreePort();
        var coordinator = Start("bench", "--quick", "--node", nodeAddress.ToString(), "--workers", "4", "--listen", $"127.0.0.1:{port}", "--transport", "tcp", "--skip-raw", "-o", Results);
        var output = new List<string>();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(e.Data);
            }

            if (untilLine is not null && e.Data.Contains(untilLine, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        };
        coordinator.OutputDataReceived += onLine;
        coordinator.ErrorDataReceived += onLine;
        coordinator.BeginOutputReadLine();
        coordinator.BeginErrorReadLine();
        var workers = Enumerable.Range(0, 4)
            .Select(i => Start("bench-worker", "--coordinator", $"akka.rpc.tcp://AkkaRpcBench@127.0.0.1:{port}", "--name", "w" + i.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        if (untilLine is not null)
        {
            await seen.Task.WaitAsync(Ceiling);
        }

        return (coordinator, output, workers);
    }

    private Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "akkarpc")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["AKKARPC__REMOTE__COOKIE-PATH"] = Cookie;
        var process = Process.Start(info)!;
        _processes.Add(process);
        return process;
    }
}
