using System.CommandLine;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc bench</c>: the group of benchmark suites, each measured against its floor in the same run.</summary>
internal static class BenchCommand
{
    /// <summary>Creates the <c>bench</c> command with its suites.</summary>
    public static Command Create()
    {
        var bench = new Command(
            "bench",
            "Without a suite: rpycbench's scenarios (connection time, latency, bandwidth, binary transfer, concurrency) against AkkaRpc " +
            "over TCP and a Unix socket, an HTTP/REST baseline and the floors (raw socket, in-process SQLite), each server in its own " +
            "process, with ratios from the same run. The suites (actors, owner, remote) measure single layers against their floors.");
        var suite = new BenchSuiteOptions();
        suite.AddTo(bench);
        bench.SetAction(CliApplication.Guard((parseResult, cancellationToken) => BenchSuiteRunner.RunAsync(parseResult, suite, cancellationToken)));
        bench.Subcommands.Add(BenchActorsCommand.Create());
        bench.Subcommands.Add(BenchOwnerCommand.Create());
        bench.Subcommands.Add(BenchRemoteCommand.Create());
        return bench;
    }
}
