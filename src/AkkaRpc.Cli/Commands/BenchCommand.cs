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
            "Measure AkkaRpc against the floors of this machine. Every figure is the median of several rounds and is " +
            "quoted as a ratio to a floor measured in the same run, because shared machines are noisy.");
        bench.Subcommands.Add(BenchActorsCommand.Create());
        bench.Subcommands.Add(BenchOwnerCommand.Create());
        bench.Subcommands.Add(BenchRemoteCommand.Create());
        return bench;
    }
}
