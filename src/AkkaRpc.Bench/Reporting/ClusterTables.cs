using System.Globalization;
using AkkaRpc.Bench.Results;

namespace AkkaRpc.Bench.Reporting;

/// <summary>The cluster suite's figures as rows of text, the same for the console summary and the HTML report.</summary>
internal static class ClusterTables
{
    /// <summary>Throughput and latency by cluster size, with the ratio to one member.</summary>
    public static (string Title, string[] Headers, List<string[]> Rows) Sizes(ClusterReport cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return (
            $"{cluster.Clients} clients over {cluster.Databases} databases, by cluster size (same run; throughput ratio > 1 is faster)",
            ["members", "system", "throughput", "p50", "p99", "vs 1 member"],
            [.. cluster.Sizes.Select(s => new[] { s.Members.ToString(CultureInfo.InvariantCulture), s.System, Rate(s.ThroughputRps), Ms(s.P50), Ms(s.P99), X(s.VsOneMember) })]);
    }

    /// <summary>One database on the largest cluster against a single node, or null when that comparison did not run.</summary>
    public static (string Title, string[] Headers, List<string[]> Rows)? OneDatabase(ClusterReport cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.OneDatabase is not { } one)
        {
            return null;
        }

        return (
            $"one database: a {one.Members}-member cluster against a single-node akkarpc serve (same run)",
            ["", "single node", "cluster", "cluster / node"],
            [
                [$"{cluster.Clients} clients, throughput", Rate(one.NodeThroughputRps), Rate(one.ClusterThroughputRps), X(one.ThroughputRatio)],
                ["1 client, p50", Ms(one.NodeP50), Ms(one.ClusterP50), X(one.LatencyRatio)],
            ]);
    }

    /// <summary>Each kill of the failover measurement, or null when none ran.</summary>
    public static (string Title, string[] Headers, List<string[]> Rows)? Failover(ClusterReport cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Failover is not { } failover)
        {
            return null;
        }

        string median = failover.MedianSeconds is { } m ? m.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "none";
        return (
            $"failover in a {failover.Members}-member cluster: owner killed (SIGKILL) to the first acknowledged write, median {median}",
            ["kill", "database", "killed member", "writes through", "failover", "failed writes"],
            [.. failover.Samples.Select((s, i) => new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture), s.Database, s.KilledMember, s.WriterMember,
                s.Seconds is { } seconds ? seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "not timed: " + s.Error,
                s.FailedWrites.ToString(CultureInfo.InvariantCulture),
            })]);
    }

    private static string Ms(double seconds) => (seconds * 1000).ToString("0.000", CultureInfo.InvariantCulture) + " ms";

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + " req/s";

    private static string X(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
}
