using System.CommandLine;
using AkkaRpc.Cli.Benchmarking;
using Spectre.Console;

namespace AkkaRpc.Cli.Commands;

/// <summary>Runs a suite's scenarios and reports them the same way for every <c>akkarpc bench</c> suite: table, then JSON.</summary>
internal static class SuiteReport
{
    public static async Task<int> RunAsync(
        ParseResult parseResult, BenchOptions options, string suite, string floor, IReadOnlyList<IBenchmarkScenario> scenarios, CancellationToken cancellationToken)
    {
        BenchmarkSettings settings = options.ResolveSettings(parseResult);
        string? outputPath = options.OutputPath(parseResult);
        IAnsiConsole console = CliConsole.Create(parseResult.InvocationConfiguration.Output);

        var runner = new BenchmarkRunner(settings, new RoundLog(parseResult.InvocationConfiguration.Error));
        BenchmarkReport report = await runner.RunAsync(suite, floor, scenarios, cancellationToken);

        console.Write(ResultTable.Build(report));
        if (outputPath is not null)
        {
            await BenchmarkReportJson.WriteFileAsync(outputPath, report, cancellationToken);
            console.MarkupLineInterpolated($"Results written to [bold]{outputPath}[/]");
        }

        return ExitCodes.Ok;
    }
}
