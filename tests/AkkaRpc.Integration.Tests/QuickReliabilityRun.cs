using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AkkaRpc.Reliability.Reporting;

namespace AkkaRpc.Integration.Tests;

/// <summary>
/// One run of <c>akkarpc reliability --quick</c> (the built executable, each attack on a real node of its own), shared by
/// every test of <see cref="ReliabilitySuiteTests"/>: its JSON report, its printed table and how long it took.
/// </summary>
public sealed class QuickReliabilityRun : IAsyncLifetime
{
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"akkarpc-reliability-{Guid.NewGuid():N}.json");

    internal SuiteReport Report { get; private set; } = new("none", 0, [], "");

    internal string Table { get; private set; } = "";

    internal string Progress { get; private set; } = "";

    internal TimeSpan Elapsed { get; private set; }

    async Task IAsyncLifetime.InitializeAsync()
    {
        var info = new ProcessStartInfo(ClientSandbox.Akkarpc)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "reliability", "--quick", "--json", _json, "--time-factor", TestTime.Factor.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start akkarpc reliability.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            // The quick form takes well under two minutes; the ceiling only keeps a hung run from hanging CI.
            await process.WaitForExitAsync().WaitAsync(TestTime.Seconds(360));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Elapsed = clock.Elapsed;
        Table = await output;
        Progress = await error;
        if (!File.Exists(_json))
        {
            throw new InvalidOperationException($"akkarpc reliability --quick exited with {process.ExitCode} and wrote no report:\n{Progress}");
        }

        Report = JsonSerializer.Deserialize(await File.ReadAllTextAsync(_json), ReportJsonContext.Default.SuiteReport)
            ?? throw new InvalidOperationException("The report is empty.");
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        File.Delete(_json);
        return Task.CompletedTask;
    }

    /// <summary>The line of attack <paramref name="name"/>.</summary>
    internal AttackResult Line(string name) =>
        Report.Results.SingleOrDefault(r => r.Attack == name) ?? throw new InvalidOperationException($"No line for '{name}' in:\n{Table}\n{Progress}");
}
