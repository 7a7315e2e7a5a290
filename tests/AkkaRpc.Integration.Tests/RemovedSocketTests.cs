using System.Diagnostics;
using Xunit.Abstractions;

namespace AkkaRpc.Integration.Tests;

/// <summary>
/// <c>rm node.sock</c> while the node runs (issue 11, item 8): the node listens at its path again, and while it has not
/// (or cannot), clients and <c>akkarpc status</c> say that a node holds the lock without its socket instead of starting
/// a second one and waiting out the spawn timeout.
/// </summary>
public sealed class RemovedSocketTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClientSandbox _sandbox = new();

    private string Socket => Path.Combine(_sandbox.RuntimeDirectory, "node.sock");

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task AfterTheSocketFileIsRemoved_TheNextClientIsAnsweredByTheSameNode_WithNoSecondNode()
    {
        var (code, _, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "CREATE TABLE t (v)");
        Assert.True(code == 0, stderr);
        var node = Assert.Single(_sandbox.NodePids());

        File.Delete(Socket);
        var answered = Stopwatch.StartNew();
        (code, var stdout, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT count(*) AS n FROM t");
        output.WriteLine($"answered {answered.Elapsed.TotalSeconds:0.00} s after the socket file was removed");

        Assert.True(code == 0, stderr);
        Assert.Contains("(1 row)", stdout, StringComparison.Ordinal);
        Assert.Equal([node], _sandbox.NodePids());
        Assert.True(File.Exists(Socket));
    }

    [Fact]
    public async Task ANodeThatDoesNotListenAgain_IsNamedByStatusAndByAClient_AtOnce_NotAfterTheSpawnTimeout()
    {
        using var node = _sandbox.Start(
            ClientSandbox.Akkarpc, "serve", "--system-name", "AkkaRpc", "--socket", Socket, "--remote:tcp:enabled=false",
            "--node:lock-file=" + Path.Combine(_sandbox.RuntimeDirectory, "node.lock"), "--node:socket-check-interval=off");
        _ = node.StandardOutput.ReadToEndAsync();
        _ = node.StandardError.ReadToEndAsync();

        // Written once it listens.
        await WaitForFileAsync(Path.Combine(_sandbox.RuntimeDirectory, "node.json"));

        File.Delete(Socket);
        var (code, _, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "status");
        Assert.Equal(1, code);
        var expected = $"A node holds the lock {Path.Combine(_sandbox.RuntimeDirectory, "node.lock")} (pid {node.Id}) but its socket {Socket} is missing";
        Assert.Contains(expected, stderr, StringComparison.Ordinal);

        var answered = Stopwatch.StartNew();
        (code, _, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT 1");
        output.WriteLine($"the client was answered in {answered.Elapsed.TotalSeconds:0.00} s: {stderr}");
        Assert.NotEqual(0, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.True(answered.Elapsed < TimeSpan.FromSeconds(15), "the client waited as if for a spawned node (spawn-timeout is 20 s)");
        Assert.Equal([node.Id], _sandbox.NodePids());
    }

    private static async Task WaitForFileAsync(string path)
    {
        var waited = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.True(waited.Elapsed < ClientSandbox.Ceiling, $"{path} did not appear");
            await Task.Delay(20);
        }
    }
}
