using System.CommandLine;
using AkkaRpc.Actors;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Wire;
using AkkaRpc.Hosting;
using AkkaRpc.Remote;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc bench-worker --coordinator &lt;address&gt;</c>: a load source for a coordinator started with <c>bench --workers N</c>.</summary>
internal static class BenchWorkerCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var coordinator = new Option<string>("--coordinator") { Description = "The coordinator's address, e.g. akkarpc.tcp://AkkaRpcBench@bench:4100.", Required = true };
        var name = new Option<string>("--name") { Description = "This worker's name in reports [default: host:pid]." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to keep trying to reach the coordinator [default: 120].", DefaultValueFactory = _ => 120 };
        var config = new Option<FileInfo>("--config") { Description = "The HOCON file (default: hocon/bench.conf next to the executable): the cookie and remoting settings." };
        var command = new Command(
            "bench-worker",
            "Register with a benchmark coordinator, run the clients it sends, send back their histograms, and exit when the run ends.")
        {
            coordinator, name, timeout, config,
        };
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            string configPath = parseResult.GetValue(config)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "hocon", "bench.conf");
            var configuration = new ConfigurationBuilder().AddAkkaRpcConfiguration(File.Exists(configPath) ? configPath : null).Build();
            var remotingOptions = RemotingOptionsReader.Read(configuration) with { ListenTcp = false, UnixSocketPath = null };
            string address = parseResult.GetValue(coordinator)!.TrimEnd('/');
            string workerName = parseResult.GetValue(name) ?? $"{Environment.MachineName}:{Environment.ProcessId}";
            var output = parseResult.InvocationConfiguration.Output;

            await using var system = ActorSystem.Create("AkkaRpcBenchWorker");
            await using var remoting = await Remoting.StartAsync(system, remotingOptions, BenchCodecs.CreateRegistry(), cancellationToken);
            await using var systems = new BenchSystemFactory(remotingOptions.Transport.CookiePath);
            var target = await ResolveAsync(system, $"{address}/user/{BenchmarkCoordinator.Name}", TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(timeout))), cancellationToken);
            var finished = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(BenchWorker.Props(target, workerName, systems, finished), "bench-worker");
            await output.WriteLineAsync($"worker {workerName} registered with {address}");
            string reason = await finished.Task.WaitAsync(cancellationToken);
            await output.WriteLineAsync($"worker {workerName} done: {reason}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<IActorRef> ResolveAsync(ActorSystem system, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The coordinator may start after its workers (as containers do): try again, a bounded number of times, until it answers.
        var deadline = DateTime.UtcNow + timeout;
        for (int attempt = 1; attempt <= 1000; attempt++)
        {
            try
            {
                return await system.ActorSelection(path).ResolveOne(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new IOException($"The coordinator at {path} did not answer within {timeout.TotalSeconds:0}s: {e.Message}", e);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        throw new IOException($"The coordinator at {path} did not answer.");
    }
}
