using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Running;

/// <summary>
/// The cluster suite's servers: a single node for the one-database comparison, and a cluster of each size asked for, all
/// running side by side so that the rounds interleave them as they interleave every suite's systems. Each member is a real
/// <c>akkarpc serve --cluster</c> process on a loopback port of its own; the members of a cluster share a data directory.
/// </summary>
internal sealed partial class BenchSuite
{
    /// <summary>The line a member prints once the cluster has made it Up.</summary>
    public const string MemberUpLine = "cluster member up";

    /// <summary>The database of the one-database comparison, on the single node and on the largest cluster.</summary>
    private const string OneDatabaseName = "bench";

    /// <summary>The prefix of the many databases the cluster clients spread over: <c>shard-0</c>, <c>shard-1</c>, …</summary>
    private const string ManyDatabasesName = "shard";

    // Members start, form a cluster and report Up: on a loaded 2-core machine with other clusters starting, that takes a while.
    private static readonly TimeSpan s_memberStartTimeout = TimeSpan.FromSeconds(120);

    // The settings that bound a failover: how soon a silent member counts as unreachable, how long the split-brain
    // resolver waits before downing it, and how often a waiting request asks the shard region again.
    private static readonly string[] s_failoverBounds = ["failure-detector", "split-brain-resolver", "resolve-"];

    /// <summary>The members of each cluster by size, kept for the failover measurement, which kills and restarts them.</summary>
    private readonly Dictionary<int, List<ServerProcess>> _clusters = [];

    private async Task<List<SystemEndpoint>> StartClusterSystemsAsync(string directory, List<ServerProcess> servers, CancellationToken cancellationToken)
    {
        var found = new List<SystemEndpoint>();
        var wanted = new HashSet<string>(_options.Systems, StringComparer.Ordinal);
        if (wanted.Contains(SystemCatalog.AkkaRpcTcp))
        {
            var node = await StartServerAsync(
                ["serve", "--config", _options.ConfigPath, "--data-dir", Path.Combine(directory, "node"), "--port", "0", "--remote:tcp:hostname=127.0.0.1"], 1, cancellationToken).ConfigureAwait(false);
            servers.Add(node);
            found.Add(new SystemEndpoint(SystemCatalog.AkkaRpcTcp, SystemKind.AkkaRpc, node.Addresses[0], OneDatabaseName));
        }

        var sizes = _options.Settings.ClusterMembers.Distinct().Order().ToList();
        foreach (int size in sizes)
        {
            var members = await StartClusterAsync(Path.Combine(directory, $"cluster-{size.ToString(CultureInfo.InvariantCulture)}"), size, cancellationToken).ConfigureAwait(false);
            _clusters[size] = members;
            servers.AddRange(members);
            string addresses = string.Join(SystemEndpoint.AddressSeparator, members.Select(m => m.Addresses[0]));
            found.Add(new SystemEndpoint(SystemCatalog.ClusterOf(size), SystemKind.AkkaRpcCluster, addresses, ManyDatabasesName, _options.Settings.ClusterDatabases));
        }

        if (wanted.Contains(SystemCatalog.ClusterOneDatabase) && sizes.Count > 0)
        {
            var largest = _clusters[sizes[^1]];
            string addresses = string.Join(SystemEndpoint.AddressSeparator, largest.Select(m => m.Addresses[0]));
            found.Add(new SystemEndpoint(SystemCatalog.ClusterOneDatabase, SystemKind.AkkaRpcCluster, addresses, OneDatabaseName));
        }

        return [.. SystemCatalog.All.SelectMany(key => found.Where(e => e.Key == key))];
    }

    /// <summary>
    /// Kills the owner of a fresh database in the largest cluster <see cref="BenchSettings.FailoverKills"/> times, after
    /// every throughput measurement (each kill leaves that cluster restarting a member); nothing for the other suites.
    /// </summary>
    private async Task<IReadOnlyList<FailoverSample>> MeasureFailoverAsync(List<ServerProcess> servers, CancellationToken cancellationToken)
    {
        if (_options.Suite != BenchSuiteKind.Cluster || _options.Settings.FailoverKills == 0 || _clusters.Count == 0)
        {
            return [];
        }

        int largest = _clusters.Keys.Max();
        if (largest < 2)
        {
            _notes.Add("failover not measured: it needs a cluster of at least 2 members");
            return [];
        }

        async Task<ServerProcess> RestartAsync(IReadOnlyList<string> arguments, CancellationToken token)
        {
            var member = await StartMemberAsync(arguments, token).ConfigureAwait(false);
            servers.Add(member);
            return member;
        }

        var probe = new FailoverProbe(_clusters[largest], RestartAsync, _configuration.CookiePath, _log);
        return await probe.RunAsync(_options.Settings.FailoverKills, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The members' cluster settings (failure detector, split-brain resolver), as <c>akkarpc.cluster</c> in the bench's configuration sets them: what bounds the failover.</summary>
    private Dictionary<string, string> ClusterSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        const string section = "akkarpc.cluster";
        if (_configuration.Settings.HasPath(section))
        {
            Flatten(section, _configuration.Settings.GetValue(section), settings);
        }

        return settings;
    }

    private static void Flatten(string path, Akka.Configuration.Hocon.HoconValue value, Dictionary<string, string> into)
    {
        if (value.IsObject())
        {
            foreach (var (key, child) in value.GetObject().Items)
            {
                Flatten(path + "." + key, child, into);
            }
        }
        else if (value.IsString() && s_failoverBounds.Any(b => path.Contains(b, StringComparison.Ordinal)))
        {
            into[path] = value.GetString();
        }
    }

    /// <summary>
    /// Starts <paramref name="size"/> members on free loopback ports, every one listing every member as a seed node in the
    /// same order (the first forms the cluster, the others join whichever answers), and waits until each reports Up.
    /// </summary>
    private async Task<List<ServerProcess>> StartClusterAsync(string dataDirectory, int size, CancellationToken cancellationToken)
    {
        var ports = FreeLoopbackPorts(size);
        var seeds = ports.Select(p => $"akka.rpc.tcp://AkkaRpc@127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}").ToList();
        var starting = ports.Select(port => StartMemberAsync(MemberArguments(dataDirectory, port, seeds), cancellationToken)).ToList();
        try
        {
            return [.. await Task.WhenAll(starting).ConfigureAwait(false)];
        }
        catch
        {
            // A cluster with a member missing would measure something else: stop the ones that did start.
            foreach (var member in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await member.Result.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private List<string> MemberArguments(string dataDirectory, int port, IReadOnlyList<string> seeds)
    {
        var arguments = new List<string>
        {
            "serve", "--config", _options.ConfigPath, "--cluster", "--data-dir", dataDirectory,
            "--port", port.ToString(CultureInfo.InvariantCulture), "--remote:tcp:port-search=1", "--remote:tcp:hostname=127.0.0.1",
        };
        foreach (string seed in seeds)
        {
            arguments.AddRange(["--seed-node", seed]);
        }

        return arguments;
    }

    /// <summary>Starts one member with <paramref name="arguments"/> and waits until it is Up.</summary>
    private async Task<ServerProcess> StartMemberAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var member = await ServerProcess.StartAsync(arguments, 1, s_memberStartTimeout, cancellationToken, MemberUpLine).ConfigureAwait(false);
        _log($"cluster member up at {member.Addresses[0]}");
        return member;
    }

    /// <summary>
    /// Ports free now on loopback, all different: bound to port 0 together, then released. Another process could take
    /// one before a member binds it; the member then fails to start and says so, which ends the run with that reason.
    /// </summary>
    private static List<int> FreeLoopbackPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
