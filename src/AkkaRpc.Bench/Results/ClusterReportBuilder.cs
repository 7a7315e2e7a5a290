using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Results;

/// <summary>Reads the cluster suite's figures out of a run's per-system report and adds the failover samples.</summary>
internal static class ClusterReportBuilder
{
    /// <summary>Builds the cluster figures of <paramref name="systems"/>; null when no cluster ran.</summary>
    public static ClusterReport? Build(
        IReadOnlyList<KeyValuePair<string, SystemReport>> systems,
        BenchSettings settings,
        IReadOnlyList<FailoverSample> failovers,
        int failoverMembers,
        IReadOnlyDictionary<string, string> failoverSettings)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(failovers);
        var byKey = systems.ToDictionary(p => p.Key, p => p.Value);
        var sizes = systems
            .Where(p => SystemCatalog.MembersOf(p.Key) is not null && p.Value.Concurrency is not null)
            .Select(p => (Members: SystemCatalog.MembersOf(p.Key)!.Value, p.Key, Figures: p.Value.Concurrency!))
            .OrderBy(s => s.Members)
            .ToList();
        if (sizes.Count == 0 && failovers.Count == 0)
        {
            return null;
        }

        double? one = sizes.FirstOrDefault(s => s.Members == 1).Figures?.ThroughputRps;
        var sizeFigures = sizes
            .Select(s => new ClusterSizeFigures(s.Members, s.Key, s.Figures.ThroughputRps, s.Figures.Latency.Median, s.Figures.Latency.P99, Divide(s.Figures.ThroughputRps, one)))
            .ToList();

        OneDatabaseFigures? oneDatabase = null;
        if (byKey.TryGetValue(SystemCatalog.AkkaRpcTcp, out var node) && byKey.TryGetValue(SystemCatalog.ClusterOneDatabase, out var cluster)
            && node.Concurrency is { } nc && cluster.Concurrency is { } cc && node.Latency is { } nl && cluster.Latency is { } cl)
        {
            oneDatabase = new OneDatabaseFigures(
                SystemCatalog.AkkaRpcTcp,
                SystemCatalog.ClusterOneDatabase,
                settings.ClusterMembers.Max(),
                nc.ThroughputRps,
                cc.ThroughputRps,
                Divide(cc.ThroughputRps, nc.ThroughputRps),
                nl.Median,
                cl.Median,
                Divide(cl.Median, nl.Median));
        }

        FailoverFigures? failover = null;
        if (failovers.Count > 0)
        {
            var timed = failovers.Where(f => f.Seconds is not null).Select(f => f.Seconds!.Value).Order().ToList();
            failover = new FailoverFigures(failoverMembers, failovers, timed.Count == 0 ? null : Median(timed), failoverSettings);
        }

        return new ClusterReport(settings.ClusterDatabases, settings.ClusterClients, sizeFigures, oneDatabase, failover);
    }

    /// <summary>The median of sorted <paramref name="values"/>: the middle one, or the mean of the two middle ones.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double? Divide(double x, double? y) => x > 0 && y is > 0 ? x / y : null;
}
