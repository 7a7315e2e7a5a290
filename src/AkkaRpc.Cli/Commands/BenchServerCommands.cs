using System.CommandLine;
using System.Net;
using AkkaRpc.Bench.Systems.Http;
using AkkaRpc.Bench.Systems.Raw;

namespace AkkaRpc.Cli.Commands;

/// <summary>
/// The hidden server commands <c>akkarpc bench</c> starts in processes of their own, as rpycbench starts its servers:
/// <c>bench-http-server</c> (the HTTP/REST baseline) and <c>bench-raw-server</c> (the raw socket floor).
/// Each prints <c>listening at &lt;address&gt;</c> per listener when ready and runs until stopped.
/// </summary>
internal static class BenchServerCommands
{
    /// <summary>Creates <c>bench-http-server --data-dir D --port 0 [--host H]</c>.</summary>
    public static Command CreateHttp()
    {
        var dataDir = new Option<DirectoryInfo>("--data-dir") { Description = "Directory of the baseline's database file.", Required = true };
        var port = new Option<int>("--port") { Description = "TCP port; 0 picks a free one." };
        var host = new Option<string>("--host") { Description = "Address to bind [default: 127.0.0.1].", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("bench-http-server", "The HTTP/REST baseline of akkarpc bench: a Kestrel minimal API owning a SQLite file.") { dataDir, port, host };
        command.Hidden = true;
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            await using var server = await HttpBaselineServer.StartAsync(
                parseResult.GetValue(dataDir)!.FullName, IPAddress.Parse(parseResult.GetValue(host)!), parseResult.GetValue(port), cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"listening at {server.Url.ToString().TrimEnd('/')}");
            await parseResult.InvocationConfiguration.Output.FlushAsync(cancellationToken);
            await WaitUntilCancelledAsync(cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Creates <c>bench-raw-server --port 0 [--host H] [--socket path]</c>.</summary>
    public static Command CreateRaw()
    {
        var port = new Option<int>("--port") { Description = "TCP port; 0 picks a free one." };
        var host = new Option<string>("--host") { Description = "Address to bind [default: 127.0.0.1].", DefaultValueFactory = _ => "127.0.0.1" };
        var socket = new Option<string>("--socket") { Description = "Also listen on this Unix socket path." };
        var command = new Command("bench-raw-server", "The raw socket floor of akkarpc bench: echo, sink and source with no framing beyond a length.") { port, host, socket };
        command.Hidden = true;
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            await using var server = RawFloorServer.Start(IPAddress.Parse(parseResult.GetValue(host)!), parseResult.GetValue(port), parseResult.GetValue(socket));
            foreach (var address in server.Addresses)
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync($"listening at {address}");
            }

            await parseResult.InvocationConfiguration.Output.FlushAsync(cancellationToken);
            await WaitUntilCancelledAsync(cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task WaitUntilCancelledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop serving.
        }
    }
}
