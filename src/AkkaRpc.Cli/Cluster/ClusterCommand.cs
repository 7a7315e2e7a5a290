using System.CommandLine;
using AkkaRpc.Cli.Commands;

namespace AkkaRpc.Cli.Cluster;

/// <summary><c>akkarpc cluster start|stop</c>: a local cluster of detached members on loopback, recorded in the runtime directory.</summary>
internal static class ClusterCommand
{
    /// <summary>The most members <c>cluster start</c> runs: more than this on one machine is a mistake, not a cluster.</summary>
    public const int MaxNodes = 16;

    /// <summary>Creates the command with its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command(
            "cluster",
            "Run a local cluster: 'start' starts N detached members on loopback that share the cookie and data directory, " +
            "'stop' stops them. Clients find a live member without flags (the members are listed in cluster.json in the runtime directory).");
        command.Subcommands.Add(CreateStart());
        command.Subcommands.Add(CreateStop());
        return command;
    }

    private static Command CreateStart()
    {
        var nodes = new Option<int>("--nodes") { Description = $"How many members (1-{MaxNodes}).", Required = true };
        var dataDir = new Option<DirectoryInfo>("--data-dir") { Description = "The data directory every member serves (default: the client's, as for an auto-spawned node)." };
        var port = new Option<int?>("--port") { Description = "TCP port of the first member; member i listens at port + i (default: akkarpc.client.tcp.port, 4053)." };
        var timeout = new Option<string>("--timeout") { Description = "How long the members get to be Up, e.g. 90s (default 60s)." };
        var shared = new SharedOptions();
        var command = new Command(
            "start",
            "Start N members (akkarpc serve --cluster) on 127.0.0.1 ports P..P+N-1, each its own detached process logging to " +
            "cluster/member-<port>.log in the runtime directory, and return once every one is Up. If one fails to start, all are " +
            "stopped and its log's end is shown. Any serve setting can follow as --section:key=value (e.g. " +
            "--cluster:failure-detector:acceptable-heartbeat-pause=2s); every member gets it.")
        {
            nodes, dataDir, port, timeout,
        };
        shared.AddTo(command);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var settings = new List<string>();
            foreach (var token in parseResult.UnmatchedTokens)
            {
                if (!token.StartsWith("--", StringComparison.Ordinal) || !token.Contains(':', StringComparison.Ordinal) || !token.Contains('=', StringComparison.Ordinal))
                {
                    await error.WriteLineAsync($"error: unknown argument '{token}'; member settings are given as --section:key=value.");
                    return ExitCodes.Usage;
                }

                settings.Add(token);
            }

            var count = parseResult.GetValue(nodes);
            if (count is < 1 or > MaxNodes)
            {
                await error.WriteLineAsync($"error: --nodes {count} is not between 1 and {MaxNodes}.");
                return ExitCodes.Usage;
            }

            var wait = TimeSpan.FromSeconds(60);
            if (parseResult.GetValue(timeout) is { } text && !DurationParser.TryParse(text, out wait))
            {
                await error.WriteLineAsync($"error: --timeout '{text}' is not a duration such as 30s or 2m.");
                return ExitCodes.Usage;
            }

            if (await shared.ReadOrReportAsync(parseResult) is not { } options)
            {
                return ExitCodes.Usage;
            }

            var firstPort = parseResult.GetValue(port) ?? options.TcpPort;
            if (firstPort < 1 || firstPort + count - 1 > 65535)
            {
                await error.WriteLineAsync($"error: --port {firstPort} with {count} members is not within ports 1-65535.");
                return ExitCodes.Usage;
            }

            var plan = new ClusterPlan(options, count, firstPort, parseResult.GetValue(dataDir)?.FullName, settings, wait);
            return await ClusterStarter.StartAsync(plan, parseResult.InvocationConfiguration.Output, error, cancellationToken);
        }));
        return command;
    }

    private static Command CreateStop()
    {
        var shared = new SharedOptions();
        var command = new Command(
            "stop",
            "Stop the members 'cluster start' recorded: SIGTERM to each (each drains and closes its databases), wait, and report " +
            "each one. A member that does not stop within the node's shutdown timeout is killed and reported. Exits 0 also when no cluster ran.");
        shared.AddTo(command);
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            if (await shared.ReadOrReportAsync(parseResult) is not { } options)
            {
                return ExitCodes.Usage;
            }

            return await ClusterStopper.StopAsync(options, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        }));
        return command;
    }
}
