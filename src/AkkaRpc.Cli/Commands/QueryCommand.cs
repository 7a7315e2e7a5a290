using System.CommandLine;
using System.Globalization;
using AkkaRpc.Client;
using AkkaRpc.Protocol;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc query &lt;database&gt; "&lt;sql&gt;"</c>: runs one statement through a node (starting one if needed) and prints the rows.</summary>
internal static class QueryCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var database = new Argument<string>("database") { Description = "The database name (a file under the node's data directory)." };
        var sql = new Argument<string>("sql") { Description = "One SQL statement." };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "A parameter as name=value (integer, real or text, by how it reads), or name:type=value with type int, real, text, blob (hex) or null. Repeat for more.",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Print each row as a JSON object on its own line instead of a table." };
        var client = new ClientCommandOptions();
        var command = new Command(
            "query",
            "Run one SQL statement on a database and print its rows. Finds the node like any client (the Unix socket, then the TCP range) " +
            "and starts one if none answers. A SQL error prints SQLite's message and code and exits with 1.")
        {
            database, sql, parameters, json,
        };
        client.AddTo(command);
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            SqlParameters bound;
            try
            {
                bound = ParameterParser.Parse(parseResult.GetValue(parameters) ?? []);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }

            if (await client.ReadOrReportAsync(parseResult, spawn: true) is not { } options)
            {
                return ExitCodes.Usage;
            }

            await using var db = await AkkaRpcClient.ConnectAsync(parseResult.GetValue(database)!, options, cancellationToken);
            var rows = await db.QueryAsync(parseResult.GetValue(sql)!, bound, cancellationToken: cancellationToken);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                RowPrinter.WriteJsonLines(rows, output);
            }
            else
            {
                RowPrinter.WriteTable(rows, output);
            }

            await output.FlushAsync(cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
