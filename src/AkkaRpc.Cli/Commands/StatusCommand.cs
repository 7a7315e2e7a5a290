using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AkkaRpc.Client;
using AkkaRpc.Protocol;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc status</c>: the nodes at the client endpoints, their connections and databases. Never starts a node.</summary>
internal static class StatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print each node's status as one JSON object per line." };
        var client = new ClientCommandOptions();
        var command = new Command("status", "List the nodes found at the client endpoints (as 'query' looks for them): addresses, pid, connections, and each database's state and queued requests. Exits 1 when no node runs.")
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

            foreach (var node in nodes)
            {
                if (parseResult.GetValue(json))
                {
                    await output.WriteLineAsync(ToJson(node));
                }
                else
                {
                    await WriteTextAsync(node, output);
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task WriteTextAsync(NodeStatus node, TextWriter output)
    {
        var up = DateTimeOffset.UtcNow - node.StartedAt;
        await output.WriteLineAsync($"node {node.SystemName}, pid {node.ProcessId}, up {Format(up)}, {node.Connections} connection(s), idle shutdown {(node.IdleShutdown is { } idle ? Format(idle) : "off")}");
        foreach (var address in node.Addresses)
        {
            await output.WriteLineAsync($"  listening at {address}");
        }

        if (node.Databases.Count == 0)
        {
            await output.WriteLineAsync("  no databases open");
            return;
        }

        var width = Math.Max("database".Length, node.Databases.Max(d => d.Name.Length));
        await output.WriteLineAsync($"  {"database".PadRight(width)}  {"state",-11}  queued");
        foreach (var database in node.Databases.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var failure = database.LastFailure is { } last ? "  last failure: " + last : "";
            await output.WriteLineAsync($"  {database.Name.PadRight(width)}  {database.State.ToString().ToLowerInvariant(),-11}  {database.MailboxDepth,6}{failure}");
        }
    }

    private static string ToJson(NodeStatus node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("system", node.SystemName);
            json.WriteNumber("pid", node.ProcessId);
            json.WriteStartArray("addresses");
            foreach (var address in node.Addresses)
            {
                json.WriteStringValue(address);
            }

            json.WriteEndArray();
            json.WriteString("started_at", node.StartedAt);
            json.WriteNumber("connections", node.Connections);
            if (node.IdleShutdown is { } idle)
            {
                json.WriteNumber("idle_shutdown_seconds", idle.TotalSeconds);
            }
            else
            {
                json.WriteNull("idle_shutdown_seconds");
            }

            json.WriteStartArray("databases");
            foreach (var database in node.Databases)
            {
                json.WriteStartObject();
                json.WriteString("name", database.Name);
                json.WriteString("state", database.State.ToString().ToLowerInvariant());
                json.WriteNumber("queued", database.MailboxDepth);
                json.WriteString("last_failure", database.LastFailure);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Format(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\hmm\m", CultureInfo.InvariantCulture)
        : span.TotalMinutes >= 1 ? span.ToString(@"m\mss\s", CultureInfo.InvariantCulture) : $"{span.TotalSeconds:0.#}s";
}
