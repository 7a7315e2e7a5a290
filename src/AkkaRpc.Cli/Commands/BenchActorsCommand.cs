using System.CommandLine;
using AkkaRpc.Cli.Benchmarking;
using AkkaRpc.Cli.Suites.Actors;
using Spectre.Console;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc bench actors</c>: message passing through actors against bare channels.</summary>
internal static class BenchActorsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new BenchOptions();
        var command = new Command(
            "actors",
            "Tell throughput (one ping-pong pair with 1 and " + ActorsSuite.BatchInFlight + " messages in flight, one pair per core) " +
            "and Ask round-trip latency, each next to the same exchange over bare System.Threading.Channels (the floor).");
        options.AddTo(command);
        command.SetAction(CliApplication.Guard((parseResult, cancellationToken) => RunAsync(parseResult, options, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, BenchOptions options, CancellationToken cancellationToken)
    {
        BenchmarkSettings settings = options.ResolveSettings(parseResult);
        string? outputPath = options.OutputPath(parseResult);
        IAnsiConsole console = CliConsole.Create(parseResult.InvocationConfiguration.Output);

        IReadOnlyList<IPingPongSystem> systems = ActorsSuite.CreateSystems();
        try
        {
            IReadOnlyList<IBenchmarkScenario> scenarios = ActorsSuite.CreateScenarios(systems, Environment.ProcessorCount);
            var runner = new BenchmarkRunner(settings, new RoundLog(parseResult.InvocationConfiguration.Error));
            BenchmarkReport report = await runner.RunAsync(ActorsSuite.SuiteName, ChannelPingPong.SystemName, scenarios, cancellationToken);

            console.Write(ResultTable.Build(report));
            if (outputPath is not null)
            {
                await BenchmarkReportJson.WriteFileAsync(outputPath, report, cancellationToken);
                console.MarkupLineInterpolated($"Results written to [bold]{outputPath}[/]");
            }

            return ExitCodes.Ok;
        }
        finally
        {
            foreach (IPingPongSystem system in systems)
            {
                await system.DisposeAsync();
            }
        }
    }
}
