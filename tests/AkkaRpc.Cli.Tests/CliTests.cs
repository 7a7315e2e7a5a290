using System.Text.Json;
using AkkaRpc.Cli.Benchmarking;
using AkkaRpc.Cli.Commands;

namespace AkkaRpc.Cli.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task UnknownOption_ExitsWithUsageErrorAndSaysWhy()
    {
        (int exitCode, string output, string error) = await RunAsync("bench", "actors", "--bogus");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
        Assert.Contains("akkarpc bench actors --help", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("bench", "actors", "--rounds", "0")]
    [InlineData("bench", "actors", "--rounds", "many")]
    [InlineData("bench", "actors", "--duration", "fast")]
    [InlineData("bench", "actors", "--duration", "1ms")]
    [InlineData("bench", "nothing")]
    [InlineData("bench", "--transport", "carrier-pigeon")]
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
    [InlineData("bench", "actors", "--help")]
    public async Task Help_ExitsZeroAndDescribesTheCommand(params string[] args)
    {
        (int exitCode, string output, _) = await RunAsync(args);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchActorsHelp_ListsEveryOption()
    {
        (_, string output, _) = await RunAsync("bench", "actors", "--help");

        foreach (string option in new[] { "--quick", "--rounds", "--duration", "--output" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_WithAnArgumentThatIsNotASetting_IsAUsageError()
    {
        (int exitCode, _, string error) = await RunAsync("serve", "--data-dir", Path.GetTempPath(), "bogus");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--section:key=value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAMissingConfigFile_FailsNamingIt()
    {
        (int exitCode, _, string error) = await RunAsync("serve", "--config", "/nonexistent/akkarpc.conf");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("/nonexistent/akkarpc.conf", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchRemote_Quick_MeasuresBothTransportsNextToTheRawSocketFloor()
    {
        string path = Path.Combine(Path.GetTempPath(), "akkarpc-tests", Guid.NewGuid().ToString("N"), "remote.json");
        try
        {
            (int exitCode, _, string error) = await RunAsync("bench", "remote", "--quick", "--rounds", "1", "--duration", "100ms", "--output", path)
                .WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(90)));

            Assert.True(exitCode == ExitCodes.Ok, error);
            BenchmarkReport report = BenchmarkReportJson.Deserialize(await File.ReadAllTextAsync(path));
            Assert.Equal("raw socket", report.Floor);
            Assert.Equal(8, report.Results.Count);
            foreach (string transport in new[] { "tcp", "unix" })
            {
                Assert.Equal(4, report.Results.Count(r => r.Name.EndsWith($"({transport})", StringComparison.Ordinal)));
            }

            Assert.All(report.Results, row => Assert.True(row.Operations > 0, $"{row.System}: {row.Name} ran nothing"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task BenchOwner_Quick_MeasuresTheOwnerNextToABareConnection()
    {
        string path = Path.Combine(Path.GetTempPath(), "akkarpc-tests", Guid.NewGuid().ToString("N"), "owner.json");
        try
        {
            (int exitCode, string output, string error) = await RunAsync("bench", "owner", "--quick", "--rounds", "1", "--output", path)
                .WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(60)));

            Assert.True(exitCode == ExitCodes.Ok, error);
            Assert.Contains("owner actor", output, StringComparison.Ordinal);
            BenchmarkReport report = BenchmarkReportJson.Deserialize(await File.ReadAllTextAsync(path));
            Assert.Equal("bare connection", report.Floor);
            Assert.Equal(4, report.Results.Count);
            Assert.All(report.Results, row =>
            {
                Assert.Equal(MetricKind.Latency, row.Kind);
                Assert.True(row.Operations > 0, $"{row.System}: {row.Name} ran nothing");
                Assert.True(row.RatioToFloor > 0);
            });
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task BenchActors_Quick_PrintsTheTableAndWritesValidJson()
    {
        string path = Path.Combine(Path.GetTempPath(), "akkarpc-tests", Guid.NewGuid().ToString("N"), "x.json");
        try
        {
            (int exitCode, string output, string error) = await RunAsync("bench", "actors", "--quick", "--rounds", "1", "--output", path)
                .WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(60)));

            Assert.True(exitCode == ExitCodes.Ok, error);
            Assert.Contains("Ratio to floor", output, StringComparison.Ordinal);

            BenchmarkReport report = BenchmarkReportJson.Deserialize(await File.ReadAllTextAsync(path));
            Assert.Equal("actors", report.Suite);
            Assert.Equal("channels", report.Floor);
            Assert.Equal(1, report.Settings.Rounds);
            Assert.True(report.Settings.Quick);
            Assert.Equal(8, report.Results.Count);
            Assert.All(report.Results, row =>
            {
                Assert.Contains(row.System, new[] { "channels", "actors" });
                Assert.True(row.Value > 0, $"{row.Name} measured nothing");
                Assert.True(row.Operations > 0);
                if (row.System == "channels")
                {
                    Assert.Equal(1.0, row.RatioToFloor);
                }
                else
                {
                    Assert.True(row.RatioToFloor > 0, $"{row.Name} has no ratio to the floor");
                }
            });
            ScenarioResult ask = Assert.Single(report.Results, r => r.Kind == MetricKind.Latency && r.System == "actors");
            Assert.NotNull(ask.Latency);
            Assert.True(ask.Latency.P50Ns <= ask.Latency.P99Ns);

            using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            Assert.Equal("akkarpc.bench/1", document.RootElement.GetProperty("schema").GetString());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Settings_QuickIsOverriddenByExplicitFlags()
    {
        var options = new BenchOptions();
        var command = new System.CommandLine.Command("actors");
        options.AddTo(command);

        BenchmarkSettings quick = options.ResolveSettings(command.Parse(["--quick"]));
        BenchmarkSettings explicitFlags = options.ResolveSettings(command.Parse(["--quick", "--rounds", "7", "--duration", "2s"]));
        BenchmarkSettings defaults = options.ResolveSettings(command.Parse([]));

        Assert.Equal(BenchmarkSettings.QuickRun, quick);
        Assert.Equal(BenchmarkSettings.Default, defaults);
        Assert.Equal(7, explicitFlags.Rounds);
        Assert.Equal(TimeSpan.FromSeconds(2), explicitFlags.RoundDuration);
        Assert.True(explicitFlags.Quick);
        Assert.True(explicitFlags.WarmupDuration > TimeSpan.Zero && explicitFlags.WarmupDuration < explicitFlags.RoundDuration * 2);
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
