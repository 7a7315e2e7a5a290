using AkkaRpc.Cli.Commands;

namespace AkkaRpc.Cli.Tests.Cluster;

/// <summary><c>akkarpc cluster start|stop</c>: what they refuse and say without starting anything (real members are in the integration tests).</summary>
public sealed class ClusterCommandTests : IDisposable
{
    private readonly DirectoryInfo _runtime = Directory.CreateTempSubdirectory("akkarpc-cluster-cli-");

    public void Dispose() => _runtime.Delete(recursive: true);

    [Theory]
    [InlineData("--nodes", "0")]
    [InlineData("--nodes", "17")]
    [InlineData("--nodes", "three")]
    [InlineData("--nodes", "3", "--port", "65534")]
    [InlineData("--nodes", "3", "--port", "0")]
    [InlineData("--nodes", "3", "--timeout", "soon")]
    [InlineData("--nodes", "3", "bogus")]
    [InlineData("--nodes", "3", "--cluster-roles")]
    [InlineData("--port", "4053")]
    public async Task Start_WithABadCommandLine_IsAUsageError_AndStartsNothing(params string[] args)
    {
        (int exitCode, string output, string error) = await RunAsync(["cluster", "start", "--runtime-dir", _runtime.FullName, .. args]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(File.Exists(Path.Combine(_runtime.FullName, "cluster.json")));

        // Nothing was recorded, so stopping finds nothing to stop.
        (int stopCode, string stopOutput, _) = await RunAsync("cluster", "stop", "--runtime-dir", _runtime.FullName);
        Assert.Equal(ExitCodes.Ok, stopCode);
        Assert.Equal("No local cluster was running.", stopOutput.Trim());
    }

    [Fact]
    public async Task Stop_WithABrokenClusterFile_SaysWhichFileAndWhatToDo_AndStartRefusesToo()
    {
        var file = Path.Combine(_runtime.FullName, "cluster.json");
        await File.WriteAllTextAsync(file, "{ not json");

        (int exitCode, _, string error) = await RunAsync("cluster", "stop", "--runtime-dir", _runtime.FullName);
        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains("remove it", error, StringComparison.Ordinal);

        (int startCode, _, string startError) = await RunAsync("cluster", "start", "--nodes", "1", "--runtime-dir", _runtime.FullName);
        Assert.Equal(ExitCodes.Failure, startCode);
        Assert.Contains(file, startError, StringComparison.Ordinal);

        // Once removed as told, stop works again.
        File.Delete(file);
        (int again, string output, _) = await RunAsync("cluster", "stop", "--runtime-dir", _runtime.FullName);
        Assert.Equal(ExitCodes.Ok, again);
        Assert.Equal("No local cluster was running.", output.Trim());
    }

    [Fact]
    public async Task Stop_OfMembersThatAllDied_ReportsEach_AndForgetsThem()
    {
        var file = Path.Combine(_runtime.FullName, "cluster.json");
        // Pid 0x7fffffff names no process: a member that died (or whose pid a reboot forgot).
        await File.WriteAllTextAsync(file, """
            {"system_name":"AkkaRpc","data_directory":"/tmp/x","started_at":"2026-12-02T04:00:00+00:00","members":[
              {"address":"akka.rpc.tcp://AkkaRpc@127.0.0.1:4053","pid":2147483647,"log_file":"/tmp/x/member-4053.log"}]}
            """);

        (int exitCode, string output, string error) = await RunAsync("cluster", "stop", "--runtime-dir", _runtime.FullName);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Equal("akka.rpc.tcp://AkkaRpc@127.0.0.1:4053 (pid 2147483647) was not running.", output.Trim());
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Help_DescribesStartAndStop()
    {
        (int exitCode, string output, _) = await RunAsync("cluster", "start", "--help");

        Assert.Equal(ExitCodes.Ok, exitCode);
        foreach (var option in new[] { "--nodes", "--data-dir", "--port", "--timeout", "--runtime-dir", "--config" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await CliApplication.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
