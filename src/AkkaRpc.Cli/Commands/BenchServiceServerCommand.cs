using System.CommandLine;
using System.Net;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Services;

namespace AkkaRpc.Cli.Commands;

/// <summary>
/// The hidden server command <c>akkarpc bench services</c> starts once per server, each in a process of its own:
/// <c>bench-service-server --kind service|actor|grpc|rest</c>. Prints <c>listening at &lt;address&gt;</c> per listener when ready
/// and serves until stopped.
/// </summary>
internal static class BenchServiceServerCommand
{
    /// <summary>Creates <c>bench-service-server --kind K --port 0 [--host H] [--socket path] [--config file]</c>.</summary>
    public static Command Create()
    {
        var kind = new Option<ServiceServerKind>("--kind") { Description = "Which server: service (AkkaRpc services), actor (a hand-written actor), both on AkkaRpc's transport, grpc or rest.", Required = true };
        var port = new Option<int>("--port") { Description = "TCP port; 0 picks a free one." };
        var host = new Option<string>("--host") { Description = "Address to bind [default: 127.0.0.1].", DefaultValueFactory = _ => "127.0.0.1" };
        var socket = new Option<string>("--socket") { Description = "The service and actor servers also listen on this Unix socket path." };
        var config = new Option<FileInfo>("--config") { Description = "The bench's HOCON file, for the cookie the service and actor servers admit (akkarpc.remote.cookie-path)." };
        var command = new Command(ServiceServers.Command, "A server of akkarpc bench services: the echo/compute service as an AkkaRpc service, a hand-written actor, over gRPC or over HTTP/REST.")
        {
            kind, port, host, socket, config,
        };
        command.Hidden = true;
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var configuration = BenchConfiguration.Load(parseResult.GetValue(config)?.FullName ?? BenchConfiguration.DefaultPath);
            await ServiceServerHost.RunAsync(
                parseResult.GetValue(kind),
                IPAddress.Parse(parseResult.GetValue(host)!),
                parseResult.GetValue(port),
                parseResult.GetValue(socket),
                configuration.CookiePath,
                async address =>
                {
                    await output.WriteLineAsync($"listening at {address}");
                    await output.FlushAsync(cancellationToken);
                },
                cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
