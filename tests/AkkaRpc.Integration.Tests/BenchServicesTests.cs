using System.Diagnostics;
using System.Text.Json;

namespace AkkaRpc.Integration.Tests;

/// <summary>
/// <c>akkarpc bench services --quick</c> end to end with real processes: the AkkaRpc service, hand-written actor, gRPC
/// and REST servers each in a process of its own, every scenario against each, and the JSON with ratios to gRPC and the
/// targets' verdicts.
/// </summary>
public sealed class BenchServicesTests : IAsyncLifetime
{
    // A ceiling, not an expectation: the one-round quick run takes about 20 s on a loaded 2-core machine.
    private static readonly TimeSpan Ceiling = TestTime.Dilated(TimeSpan.FromSeconds(180));
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("akkarpc-bench-services-");
    private Process? _process;

    private string Results => Path.Combine(_root.FullName, "results.json");

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task TheQuickSuite_MeasuresEverySystem_AndJudgesTheContendersAgainstGrpc()
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "akkarpc")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "bench", "services", "--quick", "--rounds", "1", "--quiet", "-o", Results })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["AKKARPC__REMOTE__COOKIE-PATH"] = Path.Combine(_root.FullName, "cookie");
        _process = Process.Start(info)!;
        var stdout = _process.StandardOutput.ReadToEndAsync();
        var stderr = _process.StandardError.ReadToEndAsync();
        await _process.WaitForExitAsync().WaitAsync(Ceiling);

        Assert.True(_process.ExitCode == 0, $"exit {_process.ExitCode}: {await stdout} {await stderr}");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Results));
        foreach (var key in new[] { "services_tcp", "services_unix", "actor_tcp", "actor_unix", "grpc", "rest" })
        {
            var system = json.RootElement.GetProperty(key);
            Assert.Equal(1.0, system.GetProperty("success_rate").GetDouble());
            Assert.True(system.GetProperty("latency").GetProperty("count").GetInt64() > 0, key);
            Assert.True(system.GetProperty("concurrency").GetProperty("successful_requests").GetInt64() > 0, key);
        }

        var metadata = json.RootElement.GetProperty("metadata");
        Assert.Equal("services", metadata.GetProperty("suite").GetString());
        var notes = metadata.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.StartsWith("target services_tcp vs grpc: sequential p50 ", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("target services_unix over actor_unix: p50 ", StringComparison.Ordinal));
        Assert.Equal("grpc", json.RootElement.GetProperty("ratios").GetProperty("services_tcp").GetProperty("vs_floor").GetProperty("baseline").GetString());
    }
}
