using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;

namespace AkkaRpc.Bench.Tests.Results;

/// <summary>The cluster suite's figures: throughput by cluster size against one member, one database against a node, the failover median.</summary>
public sealed class ClusterReportBuilderTests
{
    [Fact]
    public void EachClusterSize_IsDividedByTheOneMemberClusterOfTheSameRun()
    {
        var cluster = Build([.. Sizes(), .. OneDatabase()], []);

        Assert.Equal([1, 2, 3], cluster.Sizes.Select(s => s.Members));
        Assert.Equal([SystemCatalog.Cluster1, SystemCatalog.Cluster2, SystemCatalog.Cluster3], cluster.Sizes.Select(s => s.System));
        Assert.Equal([1.0, 1.5, 2.0], cluster.Sizes.Select(s => Math.Round(s.VsOneMember!.Value, 6)));
        Assert.Equal((32, 128), (cluster.Databases, cluster.Clients));
        Assert.Null(cluster.Failover);
    }

    [Fact]
    public void OneDatabase_ComparesTheClusterWithTheSingleNode()
    {
        var one = Build([.. Sizes(), .. OneDatabase()], []).OneDatabase!;

        Assert.Equal(0.8, one.ThroughputRatio!.Value, 6);
        Assert.Equal(1.5, one.LatencyRatio!.Value, 6);
        Assert.Equal(3, one.Members);
    }

    [Fact]
    public void Failover_IsTheMedianOfTheTimedKills_AndKeepsTheOnesThatFailed()
    {
        FailoverSample[] samples =
        [
            new("failover-1", "a", "b", 4.0, 3),
            new("failover-2", "b", "c", null, 9, "no write was acknowledged within 60 s"),
            new("failover-3", "c", "a", 2.0, 1),
            new("failover-4", "a", "b", 3.0, 2),
        ];

        var failover = Build(Sizes(), samples).Failover!;

        Assert.Equal(3.0, failover.MedianSeconds); // of 2, 3, 4: the failed kill has no time to count
        Assert.Equal(4, failover.Samples.Count);
        Assert.Equal(3, failover.Members);
    }

    [Fact]
    public void ARunWithoutClusters_HasNoClusterFigures()
    {
        var report = ReportBuilder.Build([Outcomes.Concurrency(SystemCatalog.AkkaRpcTcp, 16, 1_600, 1_000_000_000)], Outcomes.Metadata());

        Assert.Null(ClusterReportBuilder.Build(report.Systems, BenchSettings.Default, [], 0, new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 1.0, 2.0, 9.0 }, 2.0)]
    [InlineData(new[] { 1.0, 2.0, 4.0, 9.0 }, 3.0)]
    public void Median_IsTheMiddleValue_OrTheMeanOfTheTwoMiddleOnes(double[] sorted, double median) =>
        Assert.Equal(median, ClusterReportBuilder.Median(sorted));

    internal static IEnumerable<Protocol.StepOutcome> Sizes() =>
    [
        Outcomes.Concurrency(SystemCatalog.Cluster1, 128, 10_000, 1_000_000_000),
        Outcomes.Concurrency(SystemCatalog.Cluster2, 128, 15_000, 1_000_000_000),
        Outcomes.Concurrency(SystemCatalog.Cluster3, 128, 20_000, 1_000_000_000),
    ];

    internal static IEnumerable<Protocol.StepOutcome> OneDatabase() =>
    [
        Outcomes.Concurrency(SystemCatalog.AkkaRpcTcp, 128, 10_000, 1_000_000_000),
        Outcomes.Latency(SystemCatalog.AkkaRpcTcp, 100_000),
        Outcomes.Concurrency(SystemCatalog.ClusterOneDatabase, 128, 8_000, 1_000_000_000),
        Outcomes.Latency(SystemCatalog.ClusterOneDatabase, 150_000),
    ];

    internal static ClusterReport Build(IEnumerable<Protocol.StepOutcome> outcomes, IReadOnlyList<FailoverSample> failovers)
    {
        var report = ReportBuilder.Build([.. outcomes], Outcomes.Metadata());
        return ClusterReportBuilder.Build(report.Systems, BenchSettings.Default, failovers, 3, new Dictionary<string, string> { ["akkarpc.cluster.split-brain.stable-after"] = "2s" })!;
    }
}
