using System.CommandLine;
using System.Text.Json;
using AkkaRpc.Client;
using AkkaRpc.Cli.Status;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc status</c>: the nodes at the client endpoints, their connections and databases. Never starts a node.</summary>
internal static class StatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print each node's status (in a cluster: the members, their status, roles, databases and queues) as one JSON object per line." };
        var client = new ClientCommandOptions();
        var command = new Command("status", "List the nodes found at the client endpoints (as 'query' looks for them): addresses, pid, connections, and each database's state and queued requests; in a cluster, every member with its pid, status (Up/Unreachable/Down), roles and databases. Exits 1 when no node runs.")
        {
            json,
        };
        client.AddTo(command);
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (await client.ReadOrReportAsync(parseResult, spawn: false) is not { } options)
            {
                return ExitCodes.Usage;
            }

            var nodes = await AkkaRpcNodes.StatusAsync(options, cancellationToken);

            if (nodes.Count == 0)
            {
                await error.WriteLineAsync("No AkkaRpc node is running at the client endpoints.");
                return ExitCodes.Failure;
            }

            var recorded = LocalClusterFile.Read(LocalClusterFile.PathFor(options))?.Members.Select(m => (m.Address, m.Pid)).ToList() ?? [];
            foreach (var view in StatusReport.Build(nodes, recorded, Cluster.MemberProcess.IsRunning))
            {
                if (parseResult.GetValue(json))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(view, StatusJsonContext.Default.NodeView));
                }
                else
                {
                    await StatusText.WriteAsync(view, output, DateTimeOffset.UtcNow);
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
