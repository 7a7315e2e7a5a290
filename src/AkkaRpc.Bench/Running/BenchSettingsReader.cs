using System.Globalization;
using Akka.Configuration;
using AkkaRpc.Client;

namespace AkkaRpc.Bench.Running;

/// <summary>Reads <see cref="BenchSettings"/> from HOCON <c>akkarpc.bench</c>, over given defaults.</summary>
internal static class BenchSettingsReader
{
    private const string Section = "akkarpc.bench";

    /// <summary>Returns <paramref name="suite"/>'s defaults with every key present under <c>akkarpc.bench</c> (or <c>akkarpc.bench.quick</c> when <paramref name="quick"/>) applied.</summary>
    public static BenchSettings Read(Config configuration, BenchSuiteKind suite, bool quick)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = Apply(configuration, Section, BenchSettings.For(suite, quick), includeSizes: !quick);
        return quick ? Apply(configuration, Section + ".quick", settings, includeSizes: true) : settings;
    }

    private static BenchSettings Apply(Config config, string section, BenchSettings d, bool includeSizes)
    {
        var s = new SettingsReader(config, section);
        return d with
        {
            NumSerialConnections = s.Int("num-serial-connections", d.NumSerialConnections, min: 1),
            NumRequests = s.Int("num-requests", d.NumRequests, min: 1),
            ParallelClients = ClientCounts(config, section, "num-parallel-clients", d.ParallelClients),
            RequestsPerClient = s.Int("requests-per-client", d.RequestsPerClient, min: 1),
            Warmup = s.Int("warmup-requests", d.Warmup, min: 0),
            BandwidthSizes = includeSizes ? Sizes(config, section, "bandwidth-sizes", d.BandwidthSizes.Select(x => (long)x).ToList()).Select(x => checked((int)x)).ToList() : d.BandwidthSizes,
            BandwidthIterations = s.Int("bandwidth-iterations", d.BandwidthIterations, min: 1),
            TestBinaryTransfer = s.Bool("test-binary-transfer", d.TestBinaryTransfer),
            BinaryFileSizes = includeSizes ? Sizes(config, section, "binary-file-sizes", d.BinaryFileSizes) : d.BinaryFileSizes,
            BinaryChunkSize = s.Int("binary-chunk-size", d.BinaryChunkSize, min: 1),
            BinaryIterations = s.Int("binary-iterations", d.BinaryIterations, min: 1),
            MaxStepDuration = s.Duration("max-step-duration", d.MaxStepDuration),
            Rounds = s.Int("rounds", d.Rounds, min: 1),
            PipelinedRequests = s.Int("pipelined-requests", d.PipelinedRequests, min: 1),
            PipelinedInFlight = s.Int("pipelined-in-flight", d.PipelinedInFlight, min: 1),
            ClusterMembers = ClusterSizes(config, section, d.ClusterMembers),
            ClusterDatabases = s.Int("cluster.databases", d.ClusterDatabases, min: 1),
            ClusterClients = s.Int("cluster.clients", d.ClusterClients, min: 1),
            FailoverKills = s.Int("cluster.failover-kills", d.FailoverKills, min: 0),
        };
    }

    private static IReadOnlyList<int> ClusterSizes(Config config, string section, IReadOnlyList<int> fallback)
    {
        var sizes = ClientCounts(config, section, "cluster.members", fallback);
        return sizes.All(n => n <= Systems.SystemCatalog.MostClusterMembers)
            ? sizes
            : throw new InvalidOperationException($"Configuration key '{section}.cluster.members' must list cluster sizes from 1 to {Systems.SystemCatalog.MostClusterMembers}, not [{string.Join(", ", sizes)}].");
    }

    /// <summary>A list of client counts, or one count alone (rpycbench's single <c>num_parallel_clients</c>).</summary>
    private static IReadOnlyList<int> ClientCounts(Config config, string section, string key, IReadOnlyList<int> fallback)
    {
        var path = section + "." + key;
        if (config.HasPath(path) && !config.GetValue(path).IsArray())
        {
            string text = config.GetString(path);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int single) && single > 0
                ? [single]
                : throw new InvalidOperationException($"Configuration key '{path}' must be a client count or a list of them, e.g. [1, 8, 32, 128], not '{text}'.");
        }

        return Sizes(config, section, key, fallback.Select(c => (long)c).ToList(), "client counts")
            .Select(c => c <= int.MaxValue ? (int)c : throw new InvalidOperationException($"Configuration key '{path}' lists {c} clients: too many."))
            .ToList();
    }

    private static IReadOnlyList<long> Sizes(Config config, string section, string key, IReadOnlyList<long> fallback, string what = "sizes in bytes")
    {
        var path = section + "." + key;
        if (!config.HasPath(path))
        {
            return fallback;
        }

        IList<string> items;
        try
        {
            items = config.GetStringList(path);
        }
        catch (Exception e) when (e is ConfigurationException or InvalidCastException or FormatException)
        {
            throw new InvalidOperationException($"Configuration key '{path}' must be a list of {what}.", e);
        }

        return items.Count == 0 ? fallback : items.Select(text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) && v > 0
            ? v
            : throw new InvalidOperationException($"Configuration key '{path}' must list {what}, each at least 1, not '{text}'.")).ToList();
    }
}
