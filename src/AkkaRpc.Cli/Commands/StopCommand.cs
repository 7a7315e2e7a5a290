using System.CommandLine;
using AkkaRpc.Client;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc stop</c>: asks the node(s) at the client endpoints to shut down cleanly, and waits until they have.</summary>
internal static class StopCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var client = new ClientCommandOptions();
        var command = new Command(
            "stop",
            "Ask the node(s) found at the client endpoints to shut down cleanly (queued requests answered, databases closed, socket removed) and wait until they stop answering. " +
            "Exits 0 also when no node was running.");
        client.AddTo(command);
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            if (await client.ReadOrReportAsync(parseResult, spawn: false) is not { } options)
            {
                return ExitCodes.Usage;
            }

            var stopped = await AkkaRpcNodes.StopAsync($"akkarpc stop from pid {Environment.ProcessId}", options, cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                stopped.Count == 0 ? "No node was running." : $"Stopped node(s) with pid {string.Join(", ", stopped)}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
