using System.CommandLine;
using AkkaRpc.Cli.Benchmarking;
using AkkaRpc.Cli.Suites.Remote;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc bench remote</c>: point queries through a remote owner against raw socket round trips.</summary>
internal static class BenchRemoteCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new BenchOptions();
        var command = new Command(
            "remote",
            "Point query by primary key through a DatabaseOwner in another actor system, over TCP and over a Unix socket: " +
            "sequential round-trip latency and pipelined throughput (" + PipelinedScenario.InFlight + " in flight on one connection), next to " +
            "the same exchanges of 64-byte messages on a raw blocking socket (the floor), in the same run.");
        options.AddTo(command);
        command.SetAction(CliApplication.Guard((parseResult, cancellationToken) => RunAsync(parseResult, options, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, BenchOptions options, CancellationToken cancellationToken)
    {
        // Created 0700 on Unix, as a Unix socket directory must be.
        var directory = Directory.CreateTempSubdirectory("akkarpc-bench-remote-");
        var targets = new List<IRemoteTarget>();
        try
        {
            var databases = BenchConfiguration.Databases(directory.FullName);
            foreach (var transport in new[] { "tcp", "unix" })
            {
                targets.Add(RawSocketTarget.Start(transport, directory.FullName));
                targets.Add(await RemoteOwnerTarget.StartAsync(transport, directory.FullName, databases, cancellationToken));
            }

            var scenarios = targets.Select(t => (IBenchmarkScenario)new SequentialRoundTripScenario(t))
                .Concat(targets.Select(t => (IBenchmarkScenario)new PipelinedScenario(t)))
                .ToList();
            return await SuiteReport.RunAsync(parseResult, options, "remote", RawSocketTarget.SystemName, scenarios, cancellationToken);
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync();
            }

            directory.Delete(recursive: true);
        }
    }
}
