namespace AkkaRpc.Client.Tests;

/// <summary>Auto-spawn when the node cannot come up: the error names the log and quotes it, and nothing hangs.</summary>
public sealed class SpawnTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-spawn-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task ANodeThatExitsAtOnce_FailsTheConnect_WithItsExitCodeAndTheEndOfItsLog()
    {
        var options = Options(Script("echo 'cannot open the data directory: permission denied' >&2; exit 3"));

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcClient.ConnectAsync("orders", options));

        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_directory.FullName, "node.log"), error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot open the data directory: permission denied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANodeThatNeverAnswers_FailsTheConnect_AfterTheSpawnTimeout_NamingTheLog()
    {
        var options = Options(Script("echo 'still starting...'; exec sleep 5"));
        options.SpawnTimeout = TimeSpan.FromMilliseconds(300);

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcClient.ConnectAsync("orders", options));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("spawn-timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("still starting...", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSpawnedNode_IsToldTheSystemName_TheClientWillAddressItBy()
    {
        var options = Options(Script("echo \"args: $*\" >&2; exit 3"));
        options.SystemName = "Orders";

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcClient.ConnectAsync("orders", options));

        // A node named otherwise (AkkaRpc, server.conf's default) drops every message addressed to Orders@...
        Assert.Contains("args: serve", error.Message, StringComparison.Ordinal);
        Assert.Contains("Orders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerExecutableThatDoesNotExist_IsNamedInTheError()
    {
        var missing = Path.Combine(_directory.FullName, "no-such-akkarpc");

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcClient.ConnectAsync("orders", Options(missing)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiveNodeHoldingTheLock_WithoutItsSocket_IsReported_InsteadOfSpawningAndWaitingOutTheSpawnTimeout()
    {
        var spawned = Path.Combine(_directory.FullName, "spawned");
        var options = Options(Script($"touch '{spawned}'; exit 0"));
        options.SpawnTimeout = TimeSpan.FromMinutes(2);
        var socket = Path.Combine(_directory.FullName, "node.sock");

        // What a running node leaves beside its lock; this test process stands in for it (it is alive).
        WriteNodeInfo(Environment.ProcessId, socket);

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcClient.ConnectAsync("orders", options).WaitAsync(TestTime.Seconds(30)));
        Assert.Contains($"A node holds the lock {Path.Combine(_directory.FullName, "node.lock")} (pid {Environment.ProcessId}) but its socket {socket} is missing", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(spawned), "a node was started although the lock is held");

        // akkarpc status says the same instead of "no node runs".
        var status = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcNodes.StatusAsync(options));
        Assert.Equal(error.Message, status.Message);
    }

    [Fact]
    public async Task TheInfoOfANodeThatDied_IsIgnored_AndANodeIsStarted()
    {
        var options = Options(Script("echo 'spawned' >&2; exit 3"));
        using (var gone = System.Diagnostics.Process.Start("true")!)
        {
            await gone.WaitForExitAsync();
            WriteNodeInfo(gone.Id, Path.Combine(_directory.FullName, "node.sock"));
        }

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcClient.ConnectAsync("orders", options));

        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Empty(await AkkaRpcNodes.StatusAsync(options));
    }

    private void WriteNodeInfo(int pid, string socket) => File.WriteAllText(
        Path.Combine(_directory.FullName, "node.json"),
        $$"""{ "pid": {{pid}}, "addresses": ["{{Transport.UnixSocketAddress.ToAddress(socket, "AkkaRpc")}}"] }""");

    private AkkaRpcClientOptions Options(string server) => new()
    {
        RuntimeDirectory = _directory.FullName,
        DataDirectory = Path.Combine(_directory.FullName, "data"),
        ServerExecutable = server,
        PrivateConnection = true,
    };

    private string Script(string body)
    {
        var path = Path.Combine(_directory.FullName, "fake-akkarpc");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) // spawning goes through /bin/sh: these tests are for Unix
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
