using System.CommandLine;
using AkkaRpc.Bench.Reporting;
using AkkaRpc.Bench.Reporting.Json;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Running;
using Spectre.Console;

namespace AkkaRpc.Cli.Commands;

/// <summary>Runs any suite of <c>akkarpc bench</c> the same way: progress, the one table, the JSON and the HTML report.</summary>
internal static class BenchSuiteRunner
{
    /// <summary>Runs the suite and writes the table, the JSON and the HTML report.</summary>
    public static async Task<int> RunAsync(ParseResult parseResult, BenchSuiteOptions options, CancellationToken cancellationToken)
    {
        bool quiet = parseResult.GetValue(options.Quiet);
        var console = CliConsole.Create(parseResult.InvocationConfiguration.Output);
        BenchSuite suite;
        try
        {
            var run = options.Resolve(parseResult);
            suite = new BenchSuite(run, line =>
            {
                if (!quiet || run.Workers > 0)
                {
                    console.MarkupLine("[grey]" + Markup.Escape(line) + "[/]");
                }
            });
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            // The flags or the configuration cannot work (a bad size, a listen address beyond loopback without consent).
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        RunReport report;
        if (quiet)
        {
            report = await suite.RunAsync(_ => { }, _ => { }, cancellationToken);
        }
        else
        {
            RunReport? result = null;
            await console.Progress().AutoClear(true).StartAsync(async context =>
            {
                ProgressTask? task = null;
                result = await suite.RunAsync(
                    count => task = context.AddTask("starting", maxValue: count),
                    outcome =>
                    {
                        task?.Increment(1);
                        task?.Description(Markup.Escape(outcome.Step.Label));
                    },
                    cancellationToken);
            });
            report = result!;
            ConsoleSummary.Write(console, report);
        }

        string? output = parseResult.GetValue(options.Output)?.FullName;
        if (output is not null)
        {
            await JsonReportWriter.WriteAsync(report, output, cancellationToken);
        }

        string? html = parseResult.GetValue(options.Html)?.FullName ?? (output is null ? null : Path.ChangeExtension(output, ".html"));
        if (html is not null)
        {
            await HtmlReportMapper.WriteAsync(report, html, cancellationToken);
        }

        if (!quiet)
        {
            foreach (var path in new[] { output, html }.OfType<string>())
            {
                console.MarkupLine("wrote " + Markup.Escape(path));
            }
        }

        return report.Systems.All(s => s.Value.LostClients == 0) ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
