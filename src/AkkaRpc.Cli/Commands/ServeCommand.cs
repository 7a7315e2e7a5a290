using System.CommandLine;
using Akka.Actor;
using Akka.Hosting;
using AkkaRpc.Hosting;
using Akka.Remote;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc serve</c>: runs a node that owns databases and serves them to other processes.</summary>
internal static class ServeCommand
{
    /// <summary>
    /// The switch that makes the node a cluster member. It is read from the unmatched tokens, not declared as an option:
    /// System.CommandLine splits a token at its first ':' when the part before it names an option, so a declared
    /// --cluster swallowed every --cluster:key=value setting.
    /// </summary>
    public const string ClusterSwitch = "--cluster";

    /// <summary>How long a stop (Ctrl+C, SIGTERM) may take to drain requests and close databases.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The HOCON file (default: hocon/server.conf next to the executable)." };
        var dataDir = new Option<DirectoryInfo>("--data-dir") { Description = "Directory of the database files (akkarpc.databases.data-dir)." };
        var port = new Option<int?>("--port") { Description = "TCP port to listen on; 0 picks a free one (akkarpc.remote.tcp.port)." };
        var socket = new Option<string>("--socket") { Description = "Also listen on this Unix socket path (akkarpc.remote.unix.socket)." };
        var systemName = new Option<string>("--system-name") { Description = "The actor system's name, part of every address of the node (akkarpc.system-name; default AkkaRpc)." };
        var seedNodes = new Option<string[]>("--seed-node") { Description = "A member to join, e.g. akka.rpc.tcp://AkkaRpc@127.0.0.1:4053 (akkarpc.cluster.seed-nodes); repeatable.", AllowMultipleArgumentsPerToken = false };
        var roles = new Option<string[]>("--role") { Description = "A role of this member (akkarpc.cluster.roles); repeatable." };
        var command = new Command(
            "serve",
            "Run a node: one owner actor per database under /user/databases, reachable over TCP and/or a Unix socket. " +
            "Prints 'listening at <address>' for each listener once ready. Ctrl+C or SIGTERM stops it cleanly: queued requests " +
            "are answered, databases closed, the socket file removed. Any setting of hocon/akkarpc.conf can be given as " +
            "--section:key=value, e.g. --remote:cookie-path=/path or --databases:idle-timeout=off; --node:lock-file=<file> makes it the " +
            "only node of that lock file (a second one exits with 0), --node:idle-shutdown=5m stops it after that long with no connections. " +
            "--cluster runs it as a cluster member (akkarpc.cluster.enabled; databases sharded over the members, one owner each, " +
            "cluster settings as --cluster:key=value): it joins the --seed-node members and prints " +
            "'cluster member up' once it is Up; a member the cluster downs exits with code 1.")
        {
            config, dataDir, port, socket, systemName, seedNodes, roles,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            var overrides = new List<string>();
            foreach (var token in parseResult.UnmatchedTokens)
            {
                if (token == ClusterSwitch)
                {
                    overrides.Add("--cluster:enabled=on");
                    continue;
                }

                if (!token.StartsWith("--", StringComparison.Ordinal) || !token.Contains(':', StringComparison.Ordinal) || !token.Contains('=', StringComparison.Ordinal))
                {
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: unknown argument '{token}'; settings are given as --section:key=value.");
                    return ExitCodes.Usage;
                }

                overrides.Add(token);
            }

            if (parseResult.GetValue(dataDir) is { } dir)
            {
                overrides.Add($"--databases:data-dir={dir.FullName}");
            }

            if (parseResult.GetValue(port) is { } p)
            {
                overrides.Add($"--remote:tcp:port={p}");
            }

            if (parseResult.GetValue(socket) is { Length: > 0 } path)
            {
                overrides.Add($"--remote:unix:socket={Path.GetFullPath(path)}");
            }

            if (parseResult.GetValue(systemName) is { Length: > 0 } name)
            {
                overrides.Add($"--system-name={name}");
            }

            // One comma-separated value each: flags reach HOCON as strings, and the reader splits them.
            if (parseResult.GetValue(seedNodes) is { Length: > 0 } seeds)
            {
                overrides.Add($"--cluster:seed-nodes={string.Join(',', seeds)}");
            }

            if (parseResult.GetValue(roles) is { Length: > 0 } memberRoles)
            {
                overrides.Add($"--cluster:roles={string.Join(',', memberRoles)}");
            }

            var configPath = parseResult.GetValue(config)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "hocon", "server.conf");
            return await RunAsync(configPath, [.. overrides], parseResult.InvocationConfiguration.Output, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunAsync(string configPath, string[] overrides, TextWriter output, CancellationToken cancellationToken)
    {
        if (!File.Exists(configPath))
        {
            throw new IOException($"The configuration file {configPath} does not exist; pass --config <file>.");
        }

        var config = AkkaRpcConfiguration.Load(configPath, overrides);
        var nodeOptions = NodeOptionsReader.Read(config);

        // The lock comes before any listener is bound: of several nodes started with one lock file (clients racing to
        // auto-spawn), exactly one runs; the others leave quietly and their clients find the winner.
        using var nodeLock = nodeOptions.LockFile is { } lockFile ? NodeLock.TryAcquire(lockFile) : null;
        if (nodeOptions.LockFile is { } held && nodeLock is null)
        {
            await output.WriteLineAsync($"another node already holds {held}; exiting");
            return ExitCodes.Ok;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        var systemName = config.GetString("akkarpc.system-name", "AkkaRpc") is { Length: > 0 } name ? name : "AkkaRpc";
        builder.Services.AddAkka(systemName, akka => akka
            .ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            })
            .WithAkkaRpcNode(config));

        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        // Every transport's address, ours and (when enabled) DotNetty's, with the real ports.
        var addresses = ((IRemoteActorRefProvider)((ExtendedActorSystem)host.Services.GetRequiredService<ActorSystem>()).Provider).Transport.Addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal).ToList();
        foreach (var address in addresses)
        {
            await output.WriteLineAsync($"listening at {address}");
        }

        if (nodeLock is not null)
        {
            await nodeLock.WriteInfoAsync(Environment.ProcessId, addresses, DateTimeOffset.UtcNow, cancellationToken);
        }

        await output.WriteLineAsync($"databases in {Path.GetFullPath(DatabasesOptionsReader.Read(config).Database.DataDirectory)}");
        await output.FlushAsync(CancellationToken.None);
        var system = host.Services.GetRequiredService<ActorSystem>();
        if (ClusterOptionsReader.Read(config).Enabled)
        {
            var member = Akka.Cluster.Cluster.Get(system);
            member.RegisterOnMemberUp(() =>
            {
                // Whoever started the member (akkarpc cluster start, a test) waits for this line.
                lock (output)
                {
                    output.WriteLine($"cluster member up at {member.SelfAddress}");
                    output.Flush();
                }
            });
        }

        // Returns on Ctrl+C / SIGTERM (the token) or when the actor system stops (StopNode, idle shutdown); then drains.
        await host.WaitForShutdownAsync(cancellationToken);

        // A node that stopped because a part of it failed exits non-zero, so whatever started it starts it again.
        var reason = CoordinatedShutdown.Get(system).ShutdownReason;
        if (reason is NodeFailedReason failed)
        {
            await output.WriteLineAsync($"the node failed: {failed}; exiting with {failed.ExitCode}");
            return failed.ExitCode;
        }

        // Its databases already run on the other members: this process must never serve again, only be replaced.
        if (reason is CoordinatedShutdown.ClusterDowningReason)
        {
            await output.WriteLineAsync("downed by the cluster; exiting with 1");
            return ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }
}
