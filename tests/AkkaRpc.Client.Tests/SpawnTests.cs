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
