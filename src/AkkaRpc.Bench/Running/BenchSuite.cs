using System.Diagnostics;
using System.Net;
using AkkaRpc.Actors;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Wire;
using AkkaRpc.Hosting;
using AkkaRpc.Remote;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Bench.Running;

/// <summary>
/// One run of <c>akkarpc bench</c>: starts each server under test in its own process on a fresh temporary data
/// directory, seeds the same data in each, has the <see cref="BenchmarkCoordinator"/> run every scenario against every
/// system in order, and builds the report with its same-run ratios.
/// </summary>
internal sealed class BenchSuite
{
    /// <summary>The report's schema name.</summary>
    public const string Schema = "akkarpc.bench/2";

    /// <summary>The database every AkkaRpc step uses on the node.</summary>
    public const string DatabaseName = "bench";

    private static readonly TimeSpan s_serverStartTimeout = TimeSpan.FromSeconds(60);
    private readonly BenchRunOptions _options;
    private readonly Action<string> _log;
    private readonly List<string> _notes = [];

    /// <summary>Initializes a run; <paramref name="log"/> hears what it is doing (server addresses, waits).</summary>
    public BenchSuite(BenchRunOptions options, Action<string> log)
    {
        _options = options;
        _log = log;
    }

    /// <summary>Runs every step; <paramref name="onPlanned"/> hears the step count first, <paramref name="onStep"/> each step as it ends.</summary>
    public async Task<RunReport> RunAsync(Action<int> onPlanned, Action<StepOutcome> onStep, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        long startTimestamp = Stopwatch.GetTimestamp();
        var directory = Directory.CreateTempSubdirectory("akkarpc-bench-");
        var servers = new List<ServerProcess>();
        await using var factory = new BenchSystemFactory(CoordinatorRemoting().Transport.CookiePath);
        try
        {
            var endpoints = await StartSystemsAsync(directory.FullName, servers, cancellationToken).ConfigureAwait(false);
            foreach (var endpoint in endpoints)
            {
                await factory.Get(endpoint).PrepareAsync(cancellationToken).ConfigureAwait(false);
            }

            var steps = ScenarioPlan.Build(_options.Settings, endpoints);
            onPlanned(steps.Count);
            var (outcomes, lostWorkers) = await CoordinateAsync(factory, steps, onStep, cancellationToken).ConfigureAwait(false);
            var metadata = new RunMetadata(
                Schema,
                started,
                StopwatchNanoseconds.Between(startTimestamp, Stopwatch.GetTimestamp()) / 1e9,
                Environment.MachineName,
                Environment.ProcessorCount,
                System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                _options.Quick,
                string.Join(',', endpoints.Select(e => e.Key)),
                _options.Workers,
                lostWorkers,
                [.. _notes, .. lostWorkers.Select(w => $"worker {w} went away during the run; its clients count as lost")],
                _options.Settings);
            return ReportBuilder.Build(outcomes, metadata);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            TryDelete(directory);
        }
    }

    private async Task<(IReadOnlyList<StepOutcome> Outcomes, IReadOnlyList<string> LostWorkers)> CoordinateAsync(
        IBenchSystemFactory factory, IReadOnlyList<BenchStep> steps, Action<StepOutcome> onStep, CancellationToken cancellationToken)
    {
        var system = ActorSystem.Create("AkkaRpcBench");
        Remoting? remoting = null;
        try
        {
            if (_options.Workers > 0)
            {
                remoting = await Remoting.StartAsync(system, CoordinatorRemoting(), BenchCodecs.CreateRegistry(), cancellationToken).ConfigureAwait(false);
                _log($"coordinator at {remoting.TcpAddress}/user/{BenchmarkCoordinator.Name}; waiting for {_options.Workers} workers " +
                     $"(akkarpc bench-worker --coordinator {remoting.TcpAddress})");
            }

            var options = new CoordinatorOptions(_options.Workers, _options.WorkerTimeout, TimeSpan.FromSeconds(60));
            var coordinator = system.ActorOf(BenchmarkCoordinator.Props(factory, options, onStep), BenchmarkCoordinator.Name);

            // Every step is capped, so the whole plan is too: the sum of caps and grace, plus the wait for workers.
            var ceiling = _options.WorkerTimeout + steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Workload.MaxDuration + options.StepGrace);
            var answer = await coordinator.Ask<object>(new RunPlan(steps), ceiling, cancellationToken).ConfigureAwait(false);
            return answer switch
            {
                PlanCompleted completed => (completed.Outcomes, completed.LostWorkers),
                PlanFailed failed => throw new InvalidOperationException(failed.Reason),
                _ => throw new InvalidOperationException($"The coordinator answered {answer}."),
            };
        }
        finally
        {
            if (remoting is not null)
            {
                await remoting.DisposeAsync().ConfigureAwait(false);
            }

            await system.Terminate().ConfigureAwait(false);
        }
    }

    private RemotingOptions CoordinatorRemoting()
    {
        var configuration = new ConfigurationBuilder().AddAkkaRpcConfiguration(File.Exists(_options.ConfigPath) ? _options.ConfigPath : null).Build();
        var options = RemotingOptionsReader.Read(configuration);
        var (host, port) = ParseListen(_options.Listen ?? "127.0.0.1:0");
        var transport = options.Transport.Clone();
        transport.BindAddress = host;
        transport.Port = port;
        transport.AllowNonLoopbackBind = !IPAddress.IsLoopback(host);
        return options with { Transport = transport, ListenTcp = true, UnixSocketPath = null };
    }

    private async Task<List<SystemEndpoint>> StartSystemsAsync(string directory, List<ServerProcess> servers, CancellationToken cancellationToken)
    {
        var wanted = _options.Systems.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, SystemEndpoint>();
        bool exposed = _options.Listen is { } listen && !IPAddress.IsLoopback(ParseListen(listen).Host);
        string bindHost = exposed ? "0.0.0.0" : "127.0.0.1";

        if (wanted.Contains(SystemCatalog.AkkaRpcTcp) || wanted.Contains(SystemCatalog.AkkaRpcUnix))
        {
            IEnumerable<string> addresses;
            if (_options.Node is { } node)
            {
                addresses = [node];
                _notes.Add($"AkkaRpc measured on the running node {node}");
            }
            else
            {
                var args = new List<string>
                {
                    "serve", "--config", _options.ConfigPath, "--data-dir", Path.Combine(directory, "node"), "--port", "0",
                    "--remote:tcp:hostname=" + bindHost, "--remote:allow-non-loopback=" + (exposed ? "true" : "false"),
                };
                if (wanted.Contains(SystemCatalog.AkkaRpcUnix))
                {
                    args.AddRange(["--socket", Path.Combine(directory, "node.sock")]);
                }

                var server = await StartServerAsync(args, wanted.Contains(SystemCatalog.AkkaRpcUnix) ? 2 : 1, cancellationToken).ConfigureAwait(false);
                servers.Add(server);
                addresses = server.Addresses;
            }

            foreach (var address in addresses)
            {
                string key = address.StartsWith("akkarpc.unix:", StringComparison.Ordinal) ? SystemCatalog.AkkaRpcUnix : SystemCatalog.AkkaRpcTcp;
                found[key] = new SystemEndpoint(key, SystemKind.AkkaRpc, Advertise(address), DatabaseName);
            }
        }

        if (wanted.Contains(SystemCatalog.Http))
        {
            var server = await StartServerAsync(
                ["bench-http-server", "--data-dir", Path.Combine(directory, "http"), "--port", "0", "--host", bindHost], 1, cancellationToken).ConfigureAwait(false);
            servers.Add(server);
            found[SystemCatalog.Http] = new SystemEndpoint(SystemCatalog.Http, SystemKind.Http, Advertise(server.Addresses[0]), string.Empty);
        }

        if (wanted.Contains(SystemCatalog.RawTcp) || wanted.Contains(SystemCatalog.RawUnix))
        {
            var server = await StartServerAsync(
                ["bench-raw-server", "--port", "0", "--host", bindHost, "--socket", Path.Combine(directory, "raw.sock")], 2, cancellationToken).ConfigureAwait(false);
            servers.Add(server);
            foreach (var address in server.Addresses)
            {
                string key = address.StartsWith("unix:", StringComparison.Ordinal) ? SystemCatalog.RawUnix : SystemCatalog.RawTcp;
                found[key] = new SystemEndpoint(key, SystemKind.RawSocket, Advertise(address), string.Empty);
            }
        }

        if (wanted.Contains(SystemCatalog.InProcess))
        {
            found[SystemCatalog.InProcess] = new SystemEndpoint(SystemCatalog.InProcess, SystemKind.InProcessSqlite, Path.Combine(directory, "inprocess.db"), string.Empty);
        }

        return [.. SystemCatalog.All.Where(k => wanted.Contains(k) && found.ContainsKey(k)).Select(k => found[k])];
    }

    private async Task<ServerProcess> StartServerAsync(IReadOnlyList<string> arguments, int addresses, CancellationToken cancellationToken)
    {
        var server = await ServerProcess.StartAsync(arguments, addresses, s_serverStartTimeout, cancellationToken).ConfigureAwait(false);
        _log($"{arguments[0]} listening at {string.Join(", ", server.Addresses)}");
        return server;
    }

    private string Advertise(string address)
    {
        // Servers bound to every interface print 0.0.0.0; workers elsewhere reach them by this host's name.
        if (!address.Contains("0.0.0.0", StringComparison.Ordinal))
        {
            return address;
        }

        var listenHost = _options.Listen is { } listen ? ParseListen(listen).Host : IPAddress.Loopback;
        string host = listenHost.Equals(IPAddress.Any) ? Dns.GetHostName() : listenHost.ToString();
        return address.Replace("0.0.0.0", host, StringComparison.Ordinal);
    }

    /// <summary>Parses <c>host:port</c> for <c>--listen</c>.</summary>
    public static (IPAddress Host, int Port) ParseListen(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out int port) || port is < 0 or > 65535)
        {
            throw new FormatException($"'{text}' is not host:port, e.g. 0.0.0.0:4100.");
        }

        string host = text[..colon];
        var address = host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var ip) ? ip
            : Dns.GetHostAddresses(host).FirstOrDefault() ?? throw new FormatException($"The host '{host}' has no address.");
        return (address, port);
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server still closing a file; the temporary directory is cleaned by the OS eventually.
        }
    }
}
