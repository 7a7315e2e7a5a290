using System.Diagnostics;

namespace AkkaRpc.Integration.Tests;

/// <summary>The shell lines README shows under "From the shell" work exactly as written, with the built <c>akkarpc</c> on the PATH.</summary>
public sealed class ReadmeShellTests : IAsyncLifetime
{
    private readonly ClientSandbox _sandbox = new();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task TheReadmesShellLines_RunAsWritten()
    {
        var lines = ReadmeShellLines();
        Assert.Equal(6, lines.Count);
        var outputs = new List<string>();
        foreach (var line in lines)
        {
            var (code, stdout, stderr) = await RunShellAsync(line);
            Assert.True(code == 0, $"'{line}' exited {code}: {stderr}");
            outputs.Add(stdout);
        }

        Assert.Equal("", outputs[0]); // CREATE prints nothing, as sqlite3 does
        Assert.Equal(["id", "--", " 1", "(1 row)"], Lines(outputs[1]));
        Assert.Equal(["id | name", "---+-------", " 1 | widget", "(1 row)"], Lines(outputs[2]));
        Assert.Equal(["{\"id\":1,\"name\":\"widget\"}"], Lines(outputs[3]));
        Assert.Contains("orders", outputs[4], StringComparison.Ordinal);
        Assert.Contains("listening at akka.rpc.unix://", outputs[4], StringComparison.Ordinal);
        Assert.StartsWith("Stopped node(s) with pid", outputs[5], StringComparison.Ordinal);

        // `stop` returns once the node no longer answers; its process ends right after, on its own.
        await _sandbox.WaitForNoNodeAsync(ClientSandbox.Ceiling);
    }

    private static string[] Lines(string text) => text.TrimEnd().Split('\n');

    private async Task<(int, string, string)> RunShellAsync(string line)
    {
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(line);
        info.Environment["PATH"] = AppContext.BaseDirectory + ":" + Environment.GetEnvironmentVariable("PATH");
        info.Environment["AKKARPC_RUNTIME_DIR"] = _sandbox.RuntimeDirectory;
        info.Environment["AKKARPC_DATA_DIR"] = _sandbox.DataDirectory;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(ClientSandbox.Ceiling);
        return (process.ExitCode, await output, await error);
    }

    private static List<string> ReadmeShellLines()
    {
        var readme = File.ReadAllLines(RepositoryRoot.File("README.md"));
        var section = Array.IndexOf(readme, "## From the shell");
        Assert.True(section >= 0, "README has no '## From the shell' section.");
        var start = Array.IndexOf(readme, "```sh", section) + 1;
        var end = Array.IndexOf(readme, "```", start);
        return [.. readme[start..end].Where(l => l.Length > 0)];
    }
}
