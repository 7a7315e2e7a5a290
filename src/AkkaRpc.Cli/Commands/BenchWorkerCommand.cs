using System.CommandLine;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc bench-worker --coordinator &lt;address&gt;</c>: a load source for a coordinator started with <c>bench --workers N</c>.</summary>
internal static class BenchWorkerCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var coordinator = new Option<string>("--coordinator")
        {
            Description = "The coordinator's address as 'akkarpc bench --workers N' prints it, e.g. akka.rpc.tcp://AkkaRpcBench@coordinator:4100.",
            Required = true,
        };
        var name = new Option<string>("--name") { Description = "This worker's name in reports [default: host:pid]." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to keep trying to reach the coordinator [default: 120].", DefaultValueFactory = _ => 120 };
        var config = new Option<FileInfo>("--config") { Description = "The HOCON file (default: hocon/bench.conf next to the executable): the cookie and the transport to the coordinator." };
        var command = new Command(
            "bench-worker",
            "Join a benchmark coordinator over Akka.Remote, run the clients it sends, send back their histograms, and exit when the run ends.")
        {
            coordinator, name, timeout, config,
        };
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            var configuration = BenchConfiguration.Load(parseResult.GetValue(config)?.FullName ?? BenchConfiguration.DefaultPath);
            string workerName = parseResult.GetValue(name) ?? $"{Environment.MachineName}:{Environment.ProcessId}";
            var output = parseResult.InvocationConfiguration.Output;
            string reason;
            await using var systems = new BenchSystemFactory(configuration);
            try
            {
                reason = await WorkerHost.RunAsync(
                    parseResult.GetValue(coordinator)!,
                    workerName,
                    configuration.Transport,
                    systems,
                    TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(timeout))),
                    line => output.WriteLineAsync(line),
                    cancellationToken);
            }
            catch (FormatException e)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }

            await output.WriteLineAsync($"worker {workerName} done: {reason}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
