using System.CommandLine;
using AkkaRpc.Bench.Running;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc bench</c>: the benchmark suite, its single-layer suites <c>owner</c> and <c>remote</c>, and the <c>cluster</c> suite, all on one harness.</summary>
internal static class BenchCommand
{
    /// <summary>Creates the <c>bench</c> command with its suites.</summary>
    public static Command Create()
    {
        var bench = Suite(
            new Command(
                "bench",
                "Without a suite: rpycbench's scenarios (connection time, latency, bandwidth, binary transfer, concurrency) against AkkaRpc " +
                "over TCP and a Unix socket, the same node over Akka.Remote's stock transport (akka_dotnetty), an HTTP/REST baseline and " +
                "the floors (raw socket, in-process SQLite), each server in its own process, with ratios from the same run. " +
                "The suites (owner, remote) measure single layers against their floors with the same harness, table and JSON."),
            BenchSuiteKind.Full);
        bench.Subcommands.Add(Suite(
            new Command(
                "owner",
                "Point query by primary key and single-row insert, one at a time, through a DatabaseOwner actor (Ask) next to the same " +
                "statements on a bare SQLite connection with the same settings (the floor), in one process, median of several rounds."),
            BenchSuiteKind.Owner));
        bench.Subcommands.Add(Suite(
            new Command(
                "remote",
                "Point query by primary key through an akkarpc serve node over TCP, a Unix socket and Akka.Remote's stock transport: " +
                "sequential latency (p50, p99) and pipelined throughput (64 in flight on one connection), next to the same exchanges " +
                "of 64-byte messages on a raw socket (the floor), in the same run, median of several rounds."),
            BenchSuiteKind.Remote));
        bench.Subcommands.Add(Suite(
            new Command(
                "services",
                "rpycbench's RPC scenarios (connection time, call latency, payload bandwidth 1 KB-1 MB, concurrent callers) on an " +
                "echo/compute service: AkkaRpc services through the generated proxy and a hand-written actor message, both over " +
                "AkkaRpc's transport (TCP, Unix socket), gRPC unary calls " +
                "(h2c) and HTTP/REST, each server in its own process, with ratios to gRPC and the issue's targets from the same run."),
            BenchSuiteKind.Services));
        bench.Subcommands.Add(Suite(
            new Command(
                "cluster",
                "Point queries by 128 clients spread over 32 databases against AkkaRpc clusters of 1, 2 and 3 members (akkarpc serve --cluster " +
                "processes, all running in the same run): throughput and p50/p99 per cluster size; one database on the largest cluster against " +
                "a single-node akkarpc serve; then the failover time: the member owning a database killed (SIGKILL) to the first write " +
                "acknowledged through another member, median of several kills."),
            BenchSuiteKind.Cluster));
        return bench;
    }

    private static Command Suite(Command command, BenchSuiteKind kind)
    {
        var options = new BenchSuiteOptions(kind);
        options.AddTo(command);
        command.SetAction(CliApplication.Guard((parseResult, cancellationToken) => BenchSuiteRunner.RunAsync(parseResult, options, cancellationToken)));
        return command;
    }
}
