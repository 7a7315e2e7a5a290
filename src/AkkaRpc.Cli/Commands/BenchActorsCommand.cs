using System.CommandLine;
using AkkaRpc.Cli.Benchmarking;
using AkkaRpc.Cli.Suites.Actors;

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
        IReadOnlyList<IPingPongSystem> systems = ActorsSuite.CreateSystems();
        try
        {
            IReadOnlyList<IBenchmarkScenario> scenarios = ActorsSuite.CreateScenarios(systems, Environment.ProcessorCount);
            return await SuiteReport.RunAsync(parseResult, options, ActorsSuite.SuiteName, ChannelPingPong.SystemName, scenarios, cancellationToken);
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
