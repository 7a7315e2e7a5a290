using System.Diagnostics;
using System.Net;
using System.Runtime;
using Akka.Actor;
using AkkaRpc.Bench.Actors;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Running;

/// <summary>
/// One run of <c>akkarpc bench</c> (or <c>bench owner</c>, <c>bench remote</c>): starts each server under test in its own
/// process on a fresh temporary data directory, seeds the same data in each, has the <see cref="BenchmarkCoordinator"/>
/// run the suite's measurements against every system in order, round after round, and builds the report with its
/// same-run ratios. A system that cannot run in this setting (no address for it, out of the workers' reach) is skipped with its reason.
/// </summary>
internal sealed partial class BenchSuite
{
    /// <summary>The report's schema name.</summary>
    public const string Schema = "akkarpc.bench/2";

    /// <summary>The database every AkkaRpc step uses on the node.</summary>
    public const string DatabaseName = "bench";

    private static readonly TimeSpan s_serverStartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_stepGrace = TimeSpan.FromSeconds(60);
    private readonly BenchRunOptions _options;
    private readonly BenchConfiguration _configuration;
    private readonly Action<string> _log;
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, string> _skipped = [];
    private readonly Akka.Configuration.Config? _coordinatorRemoting;

    /// <summary>Initializes a run; <paramref name="log"/> hears what it is doing (server addresses, waits).</summary>
    /// <exception cref="InvalidOperationException">The configuration or the listen address cannot work; the message says what to change.</exception>
    /// <exception cref="FormatException"><see cref="BenchRunOptions.Listen"/> is not host:port.</exception>
    public BenchSuite(BenchRunOptions options, Action<string> log)
    {
        _options = options;
        _configuration = BenchConfiguration.Load(options.ConfigPath);
        _log = log;

        // Checked now, so a coordinator that could never be reached fails before any server starts.
        _coordinatorRemoting = options.Workers > 0 ? CoordinatorRemoting() : null;
    }

    /// <summary>Runs every step; <paramref name="onPlanned"/> hears the step count first, <paramref name="onStep"/> each step as it ends.</summary>
    public async Task<RunReport> RunAsync(Action<int> onPlanned, Action<StepOutcome> onStep, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        long startTimestamp = Stopwatch.GetTimestamp();
        var directory = Directory.CreateTempSubdirectory("akkarpc-bench-");
        var servers = new List<ServerProcess>();
        var factory = new BenchSystemFactory(_configuration);
        try
        {
            var endpoints = _options.Suite == BenchSuiteKind.Cluster
                ? await StartClusterSystemsAsync(directory.FullName, servers, cancellationToken).ConfigureAwait(false)
                : await StartSystemsAsync(directory.FullName, servers, cancellationToken).ConfigureAwait(false);
            foreach (var endpoint in endpoints)
            {
                await factory.Get(endpoint).PrepareAsync(cancellationToken).ConfigureAwait(false);
            }

            await WarmUpAsync(factory, endpoints, cancellationToken).ConfigureAwait(false);

            var steps = ScenarioPlan.Build(_options.Suite, _options.Settings, endpoints);
            onPlanned(steps.Count);
            var (outcomes, lostWorkers) = steps.Count == 0
                ? ([], [])
                : await CoordinateAsync(factory, steps, onStep, cancellationToken).ConfigureAwait(false);
            var failovers = await MeasureFailoverAsync(servers, cancellationToken).ConfigureAwait(false);
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
                _options.Settings,
                new Dictionary<string, string>(_skipped),
                _options.Suite.ToString().ToLowerInvariant(),
                RunMetadata.BuildConfiguration,
                GCSettings.IsServerGC);
            var report = ReportBuilder.Build(outcomes, metadata);
            return _options.Suite switch
            {
                BenchSuiteKind.Services => Services.ServiceTargets.Annotate(report),
                BenchSuiteKind.Cluster => report with
                {
                    Cluster = ClusterReportBuilder.Build(report.Systems, _options.Settings, failovers, _clusters.Keys.DefaultIfEmpty().Max(), ClusterSettings()),
                },
                _ => report,
            };
        }
        finally
        {
            // Clients first, so they leave while their servers still run instead of logging the servers' going.
            await factory.DisposeAsync().ConfigureAwait(false);
            // Every server is stopped even if stopping one fails: none may outlive the run.
            var failures = new List<Exception>();
            foreach (var server in servers)
            {
                try
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    failures.Add(e);
                }
            }

            foreach (var failure in failures)
            {
                _log($"stopping a server failed: {failure.Message}");
            }

            TryDelete(directory);
        }
    }

    /// <summary>
    /// Has every system serve the suite's requests for a while, untimed, before the first round. Otherwise the first system
    /// measured on a node pays that node's JIT and cold caches for the others on it (akkarpc_tcp for akkarpc_unix and
    /// akka_dotnetty), which a one-round suite would report as its figures.
    /// </summary>
    private async Task WarmUpAsync(BenchSystemFactory factory, IReadOnlyList<SystemEndpoint> endpoints, CancellationToken cancellationToken)
    {
        var workloads = ScenarioPlan.WarmUp(_options.Suite, _options.Settings);
        foreach (var endpoint in endpoints)
        {
            foreach (var workload in workloads)
            {
                var metrics = await WorkloadRunner.RunAsync(factory.Get(endpoint), workload, client: 0, cancellationToken).ConfigureAwait(false);
                if (metrics.Failures.Count > 0)
                {
                    _log($"warm-up of {endpoint.Key} ({workload.Operation}): {string.Join(", ", metrics.Failures.Select(f => $"{f.Value} {f.Key}"))}");
                }
            }
        }
    }

    private async Task<(IReadOnlyList<StepOutcome> Outcomes, IReadOnlyList<string> LostWorkers)> CoordinateAsync(
        IBenchSystemFactory factory, IReadOnlyList<BenchStep> steps, Action<StepOutcome> onStep, CancellationToken cancellationToken)
    {
        var remoting = _coordinatorRemoting;
        var system = BenchActorSystems.Create(BenchActorSystems.CoordinatorSystemName, remoting);
        try
        {
            if (remoting is not null)
            {
                var address = BenchActorSystems.AddressOf(system);
                _log($"coordinator at {address}/user/{BenchmarkCoordinator.Name}; waiting for {_options.Workers} workers " +
                     $"(akkarpc bench-worker --coordinator {address})");
            }

            var options = new CoordinatorOptions(_options.Workers, _options.WorkerTimeout, s_stepGrace);
            var coordinator = system.ActorOf(BenchmarkCoordinator.Props(factory, options), BenchmarkCoordinator.Name);

            // Every step is capped, so the whole plan is too: the sum of caps and grace, plus the wait for workers.
            var ceiling = _options.WorkerTimeout + steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Workload.MaxDuration + options.StepGrace);
            var completed = await coordinator.RunPlanAsync(system, new RunPlan(steps), ceiling, onStep, cancellationToken).ConfigureAwait(false);
            return (completed.Outcomes, completed.LostWorkers);
        }
        finally
        {
            await CoordinatedShutdown.Get(system).Run(BenchFinished.Run).ConfigureAwait(false);
        }
    }

    private Akka.Configuration.Config CoordinatorRemoting()
    {
        var transport = _configuration.Transport;
        var (host, port) = ParseListen(_options.Listen ?? "127.0.0.1:0");
        if (!IPAddress.IsLoopback(host))
        {
            if (transport.IsAkkaRpc && !transport.AllowNonLoopback)
            {
                throw new InvalidOperationException(
                    $"--listen {_options.Listen} binds {host}, beyond loopback: workers on other machines could connect (the cookie still guards it). " +
                    "Set akkarpc.remote.allow-non-loopback = on (AKKARPC__REMOTE__ALLOW-NON-LOOPBACK=on) to do that on purpose.");
            }

            if (!transport.IsAkkaRpc)
            {
                _notes.Add($"the coordinator listened beyond loopback over {transport.Path}, which has no authentication; " +
                           $"keep such runs on a private network, or use {BenchTransport.RpcTcp} (the default), which has the cookie");
            }
        }

        return BenchRemoting.Coordinator(transport, host.ToString(), port, PublicHost(host));
    }

    /// <summary>
    /// The name workers reach this machine by, which the coordinator and the node it starts answer to (Akka.Remote drops
    /// messages addressed to any other name of them): <c>--public-hostname</c>, else the one address <c>--listen</c>
    /// binds, else (every interface) this machine's name.
    /// </summary>
    private string PublicHost(IPAddress listenHost) =>
        _options.PublicHost ?? (IsAny(listenHost) ? Dns.GetHostName() : listenHost.ToString());

    private static bool IsAny(IPAddress host) => host.Equals(IPAddress.Any) || host.Equals(IPAddress.IPv6Any);

    private async Task<List<SystemEndpoint>> StartSystemsAsync(string directory, List<ServerProcess> servers, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(_options.Systems, StringComparer.Ordinal);
        var found = new Dictionary<string, SystemEndpoint>();
        bool exposed = _options.Listen is { } listen && !IPAddress.IsLoopback(ParseListen(listen).Host);
        if (exposed && _options.Node is null && wanted.Remove(SystemCatalog.AkkaDotNetty))
        {
            // A node listens on DotNetty beyond loopback only with mutual TLS, which a benchmark run does not set up.
            _skipped[SystemCatalog.AkkaDotNetty] = "the node's DotNetty listener stays on loopback (it has no cookie), out of the workers' reach";
        }

        // Every interface when workers elsewhere use the servers; they reach them by this machine's public name, which
        // the node must also answer to (see PublicHost).
        string bindHost = exposed ? "0.0.0.0" : "127.0.0.1";
        string? nodePublicHost = exposed ? PublicHost(ParseListen(_options.Listen!).Host) : null;

        var nodeSystems = new[] { SystemCatalog.AkkaRpcTcp, SystemCatalog.AkkaRpcUnix, SystemCatalog.AkkaDotNetty }.Where(wanted.Contains).ToList();
        if (nodeSystems.Count > 0)
        {
            await StartNodeAsync(directory, bindHost, nodePublicHost, nodeSystems, servers, found, cancellationToken).ConfigureAwait(false);
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

        await Services.ServiceServers.StartAsync(wanted, directory, _options.ConfigPath, StartServerAsync, servers, found, cancellationToken).ConfigureAwait(false);
        if (wanted.Contains(SystemCatalog.InProcess))
        {
            found[SystemCatalog.InProcess] = new SystemEndpoint(SystemCatalog.InProcess, SystemKind.InProcessSqlite, Path.Combine(directory, "inprocess.db"), string.Empty);
        }

        if (wanted.Contains(SystemCatalog.Owner))
        {
            found[SystemCatalog.Owner] = new SystemEndpoint(SystemCatalog.Owner, SystemKind.DatabaseOwner, Path.Combine(directory, "owner"), DatabaseName);
        }

        foreach (var key in wanted.Where(k => !found.ContainsKey(k)))
        {
            _skipped[key] = "the node printed no address for it";
        }

        return [.. SystemCatalog.All.Concat(Services.ServiceCatalog.All).Where(found.ContainsKey).Select(k => found[k])];
    }

    private async Task StartNodeAsync(
        string directory, string bindHost, string? publicHost, IReadOnlyList<string> nodeSystems, List<ServerProcess> servers, Dictionary<string, SystemEndpoint> found, CancellationToken cancellationToken)
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
                "--remote:tcp:hostname=" + bindHost, "--remote:allow-non-loopback=" + (publicHost is null ? "false" : "true"),
            };
            if (publicHost is not null)
            {
                args.Add("--remote:tcp:public-hostname=" + publicHost);
            }

            int expected = 1; // The node always listens on TCP.
            if (nodeSystems.Contains(SystemCatalog.AkkaRpcUnix))
            {
                args.AddRange(["--socket", Path.Combine(directory, "node.sock")]);
                expected++;
            }

            if (nodeSystems.Contains(SystemCatalog.AkkaDotNetty))
            {
                // The same node also listens on Akka.Remote's stock DotNetty TCP, on loopback, and prints its akka.tcp:// address.
                args.AddRange(["--remote:dotnetty:enabled=on", "--remote:dotnetty:port=0"]);
                expected++;
            }

            var server = await StartServerAsync(args, expected, cancellationToken).ConfigureAwait(false);
            servers.Add(server);
            addresses = server.Addresses;
        }

        foreach (var address in addresses)
        {
            if (SystemCatalog.KeyOfNodeAddress(address) is { } key && nodeSystems.Contains(key))
            {
                found[key] = new SystemEndpoint(key, SystemCatalog.KindOf(key), Advertise(address), DatabaseName);
            }
        }
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
        return address.Replace("0.0.0.0", PublicHost(listenHost), StringComparison.Ordinal);
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
