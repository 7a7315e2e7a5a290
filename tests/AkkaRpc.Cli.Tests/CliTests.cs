using System.Text.Json;
using AkkaRpc.Bench.Running;
using AkkaRpc.Cli.Commands;

namespace AkkaRpc.Cli.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task UnknownOption_ExitsWithUsageErrorAndSaysWhy()
    {
        (int exitCode, string output, string error) = await RunAsync("bench", "owner", "--bogus");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
        Assert.Contains("akkarpc bench owner --help", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("bench", "owner", "--rounds", "0")]
    [InlineData("bench", "remote", "--rounds", "many")]
    [InlineData("bench", "--rounds", "1001")]
    [InlineData("bench", "owner", "--duration", "fast")]
    [InlineData("bench", "remote", "--duration", "1ms")]
    [InlineData("bench", "actors")]
    [InlineData("bench", "owner", "--workers", "2")]
    [InlineData("bench", "--transport", "carrier-pigeon")]
    [InlineData("bench", "remote", "--num-requests", "0")]
    [InlineData("bench", "--num-parallel-clients", "8", "0")]
    [InlineData("bench", "cluster", "--members", "1", "4")]
    [InlineData("bench", "cluster", "--kills", "-1")]
    [InlineData("bench", "cluster", "--databases", "0")]
    [InlineData("bench-worker")]
    [InlineData("bench-worker", "--coordinator", "akka.tcp://AkkaRpcBench@127.0.0.1:4100")]
    [InlineData("bench-worker", "--coordinator", "coordinator:4100")]
    [InlineData]
    public async Task BadCommandLines_ExitWithUsageError(params string[] args)
    {
        (int exitCode, _, string error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("bench", "--help")]
    [InlineData("bench", "owner", "--help")]
    [InlineData("bench", "remote", "--help")]
    [InlineData("bench-worker", "--help")]
    public async Task Help_ExitsZeroAndDescribesTheCommand(params string[] args)
    {
        (int exitCode, string output, _) = await RunAsync(args);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench", "--workers", "--listen", "--public-hostname", "--skip-akka-dotnetty", "--skip-http", "--test-binary-transfer", "--num-parallel-clients")]
    [InlineData("owner", "--quick", "--rounds", "--duration", "--num-requests", "--output", "--html", "--quiet")]
    [InlineData("cluster", "--quick", "--rounds", "--members", "--databases", "--clients", "--kills", "--requests-per-client", "--output")]
    [InlineData("remote", "--quick", "--rounds", "--duration", "--transport", "--skip-akkarpc", "--skip-akka-dotnetty", "--skip-raw", "--pipelined-requests", "--in-flight", "--node")]
    public async Task EverySuitesHelp_ListsItsOptions(string suite, params string[] options)
    {
        (_, string output, _) = await RunAsync(suite == "bench" ? ["bench", "--help"] : ["bench", suite, "--help"]);

        foreach (string option in options)
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BenchWorkerHelp_ShowsTheCoordinatorAddressAsTheCoordinatorPrintsIt()
    {
        (_, string output, _) = await RunAsync("bench-worker", "--help");

        Assert.Contains("akka.rpc.tcp://AkkaRpcBench@", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAnArgumentThatIsNotASetting_IsAUsageError()
    {
        (int exitCode, _, string error) = await RunAsync("serve", "--data-dir", Path.GetTempPath(), "bogus");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--section:key=value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ClusterSettings_ReachTheClusterSection_BesideTheClusterSwitch()
    {
        // A misspelt key is refused by the configuration, naming it: proof that --cluster:key=value got there (a declared
        // --cluster option used to swallow it as its own value and fail with "unknown argument").
        (int exitCode, _, string error) = await RunAsync("serve", "--cluster", "--cluster:no-such-key=1", "--data-dir", Path.GetTempPath());

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("no-such-key", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown argument", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAMissingConfigFile_FailsNamingIt()
    {
        (int exitCode, _, string error) = await RunAsync("serve", "--config", "/nonexistent/akkarpc.conf");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("/nonexistent/akkarpc.conf", error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Serve_ThatCannotStart_EndsItsErrorOutputWithTheCause_NotItsWrappers()
    {
        // A node's start-up failure reaches us wrapped in AggregateExceptions by Akka; a client that spawned the node
        // shows the end of its log, so the last line must be the cause itself.
        string dir = Directory.CreateTempSubdirectory("akkarpc-cli-").FullName;
        try
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101); // 0755: other users could reach the socket.
            (int exitCode, _, string error) = await RunAsync(
                "serve", "--data-dir", dir, "--remote:tcp:port=0", $"--remote:unix:socket={Path.Combine(dir, "node.sock")}");

            Assert.Equal(ExitCodes.Failure, exitCode);
            string last = error.TrimEnd().Split('\n')[^1];
            Assert.StartsWith("error: The socket directory", last, StringComparison.Ordinal);
            Assert.Contains("chmod 700", last, StringComparison.Ordinal);
            Assert.DoesNotContain("One or more errors occurred", last, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void RootCause_LooksThroughSingleAggregates_ButNotThroughOnesWithSeveralCauses()
    {
        var cause = new InvalidOperationException("the cause");
        Assert.Same(cause, CliApplication.RootCause(new AggregateException(new AggregateException(cause))));
        var several = new AggregateException(cause, new IOException("another"));
        Assert.Same(several, CliApplication.RootCause(several));
    }

    [Theory]
    [InlineData("query", "akkarpc.client.request-timeout = soon", "akkarpc.client.request-timeout")]
    [InlineData("query", "akkarpc.client.request-timout = 1s", "request-timout")]
    [InlineData("status", "akkarpc.client.request-timeout = soon", "akkarpc.client.request-timeout")]
    public async Task ClientCommands_WithABadSettingInTheirConfigFile_AreAUsageError_NamingTheKey_WithoutAStackTrace(string command, string hocon, string key)
    {
        string path = Path.Combine(Path.GetTempPath(), "akkarpc-tests", Guid.NewGuid().ToString("N"), "client.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, hocon + "\n");
        try
        {
            (int exitCode, _, string error) = await RunAsync(command == "query" ? ["query", "orders", "SELECT 1", "--no-spawn", "--config", path] : [command, "--config", path]);

            Assert.Contains(key, error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Usage, exitCode);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task BenchRemote_Quick_MeasuresOurTransportsAndAkkaDotNettyNextToTheRawSocketFloor_InOneRun()
    {
        string path = Path.Combine(Path.GetTempPath(), "akkarpc-tests", Guid.NewGuid().ToString("N"), "remote.json");
        try
        {
            (int exitCode, string output, string error) = await RunAsync("bench", "remote", "--quick", "--rounds", "1", "--pipelined-requests", "500", "--output", path)
                .WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(120)));

            Assert.True(exitCode == ExitCodes.Ok, error + output);
            Assert.DoesNotContain("skipped", output, StringComparison.Ordinal);
            using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            JsonElement root = document.RootElement;
            foreach (string system in new[] { "akkarpc_tcp", "akkarpc_unix", "akka_dotnetty", "raw_tcp", "raw_unix" })
            {
                JsonElement figures = root.GetProperty(system);
                Assert.True(figures.GetProperty("latency").GetProperty("count").GetInt64() > 0, $"{system} measured no sequential query");
                Assert.True(figures.GetProperty("pipelined").GetProperty("throughput_rps").GetDouble() > 0, $"{system} measured no pipelined query");
                Assert.Equal(64, figures.GetProperty("pipelined").GetProperty("in_flight").GetInt32());
            }

            JsonElement ours = root.GetProperty("ratios").GetProperty("akkarpc_tcp");
            Assert.Equal("raw_tcp", ours.GetProperty("vs_floor").GetProperty("baseline").GetString());
            Assert.Equal("akka_dotnetty", ours.GetProperty("vs_akka_dotnetty").GetProperty("baseline").GetString());
            Assert.True(ours.GetProperty("vs_akka_dotnetty").GetProperty("latency_median").GetDouble() > 0);
            Assert.True(ours.GetProperty("vs_akka_dotnetty").GetProperty("pipelined_throughput").GetDouble() > 0);
            Assert.Equal("remote", root.GetProperty("metadata").GetProperty("suite").GetString());
            Assert.True(File.Exists(Path.ChangeExtension(path, ".html")));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task BenchOwner_Quick_MeasuresTheOwnerNextToTheBareConnection_InTheSameRun()
    {
        string path = Path.Combine(Path.GetTempPath(), "akkarpc-tests", Guid.NewGuid().ToString("N"), "owner.json");
        try
        {
            (int exitCode, string output, string error) = await RunAsync("bench", "owner", "--quick", "--rounds", "2", "--output", path)
                .WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(60)));

            Assert.True(exitCode == ExitCodes.Ok, error + output);
            Assert.Contains("owner_inprocess", output, StringComparison.Ordinal);
            Assert.DoesNotContain("skipped", output, StringComparison.Ordinal);
            using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            foreach (string system in new[] { "owner_inprocess", "sqlite_inprocess" })
            {
                JsonElement figures = document.RootElement.GetProperty(system);
                Assert.True(figures.GetProperty("latency").GetProperty("count").GetInt64() > 0, $"{system} measured no point query");
                Assert.True(figures.GetProperty("insert_latency").GetProperty("count").GetInt64() > 0, $"{system} measured no insert");
                Assert.Equal(1.0, figures.GetProperty("success_rate").GetDouble());
                Assert.Equal(2, figures.GetProperty("rounds").GetProperty("latency_p50").GetProperty("values").GetArrayLength());
            }

            Assert.Equal("sqlite_inprocess", document.RootElement.GetProperty("ratios").GetProperty("owner_inprocess").GetProperty("vs_floor").GetProperty("baseline").GetString());
            Assert.Equal("akkarpc.bench/2", document.RootElement.GetProperty("metadata").GetProperty("schema").GetString());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void TheShippedBenchConf_GivesTheSizesItsCommentsSay()
    {
        // Akka's HOCON reads a bare number as milliseconds: "max-step-duration = 120" once capped every step at 120 ms.
        var settings = BenchConfiguration.Load(BenchConfiguration.DefaultPath).Settings;

        BenchSettings normal = BenchSettingsReader.Read(settings, BenchSuiteKind.Full, quick: false);
        BenchSettings quick = BenchSettingsReader.Read(settings, BenchSuiteKind.Remote, quick: true);

        Assert.True(File.Exists(BenchConfiguration.DefaultPath), BenchConfiguration.DefaultPath);
        Assert.Equal(TimeSpan.FromSeconds(120), normal.MaxStepDuration);
        Assert.Equal(TimeSpan.FromSeconds(5), quick.MaxStepDuration);
        Assert.Equal((1000, 128, 100), (normal.NumRequests, normal.NumParallelClients, normal.RequestsPerClient));
        Assert.Equal((200, 2_000, 64), (quick.NumRequests, quick.PipelinedRequests, quick.PipelinedInFlight));
    }

    [Fact]
    public void Settings_SuiteDefaultsAreOverriddenByExplicitFlags()
    {
        var options = new BenchSuiteOptions(BenchSuiteKind.Remote);
        var command = new System.CommandLine.Command("remote");
        options.AddTo(command);

        BenchRunOptions quick = options.Resolve(command.Parse(["--quick", "--config", "/nonexistent.conf"]));
        BenchRunOptions explicitFlags = options.Resolve(command.Parse(["--quick", "--rounds", "7", "--duration", "2s", "--in-flight", "8", "--transport", "unix", "--config", "/nonexistent.conf"]));
        BenchRunOptions defaults = options.Resolve(command.Parse(["--config", "/nonexistent.conf"]));

        // Lists compare by reference in records: the sizes are compared by content.
        static BenchSettings Sizeless(BenchSettings s) => s with { BandwidthSizes = [], BinaryFileSizes = [], ParallelClients = [], ClusterMembers = [] };
        Assert.Equal(Sizeless(BenchSettings.For(BenchSuiteKind.Remote, quick: true)), Sizeless(quick.Settings));
        Assert.Equal(Sizeless(BenchSettings.For(BenchSuiteKind.Remote, quick: false)), Sizeless(defaults.Settings));
        Assert.Equal(BenchSettings.Default.BandwidthSizes, defaults.Settings.BandwidthSizes);
        Assert.Equal(BenchSettings.Default.ParallelClients, defaults.Settings.ParallelClients);
        Assert.Equal(5, defaults.Settings.Rounds);
        Assert.Equal((7, TimeSpan.FromSeconds(2), 8), (explicitFlags.Settings.Rounds, explicitFlags.Settings.MaxStepDuration, explicitFlags.Settings.PipelinedInFlight));
        Assert.True(explicitFlags.Quick);
        Assert.Equal(["akkarpc_tcp", "akkarpc_unix", "akka_dotnetty", "raw_tcp", "raw_unix"], defaults.Systems);
        Assert.Equal(["akkarpc_unix", "raw_unix"], explicitFlags.Systems);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1m", 60_000)]
    [InlineData(" 250MS ", 250)]
    public void DurationParser_ReadsUnits(string text, double milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out TimeSpan duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("-1s")]
    [InlineData("0s")]
    [InlineData("abc")]
    [InlineData("1h")]
    public void DurationParser_RejectsNonDurations(string text) =>
        Assert.False(DurationParser.TryParse(text, out _));

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await CliApplication.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
