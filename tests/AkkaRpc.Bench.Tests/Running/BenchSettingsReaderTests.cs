using Akka.Configuration;
using AkkaRpc.Bench.Running;

namespace AkkaRpc.Bench.Tests.Running;

/// <summary>The client counts of the concurrency curve and the cluster suite's sizes, read from HOCON with clear errors.</summary>
public sealed class BenchSettingsReaderTests
{
    [Fact]
    public void ClientCounts_AreAListOrOneNumber()
    {
        Assert.Equal([1, 8, 32, 128], Read("akkarpc.bench.num-parallel-clients = [1, 8, 32, 128]").ParallelClients);
        Assert.Equal([64], Read("akkarpc.bench.num-parallel-clients = 64").ParallelClients);
        Assert.Equal(64, Read("akkarpc.bench.num-parallel-clients = 64").NumParallelClients);
        Assert.Equal(BenchSettings.Default.ParallelClients, Read("").ParallelClients);
    }

    [Theory]
    [InlineData("akkarpc.bench.num-parallel-clients = [1, 0]", "'akkarpc.bench.num-parallel-clients' must list client counts, each at least 1, not '0'")]
    [InlineData("akkarpc.bench.num-parallel-clients = many", "'akkarpc.bench.num-parallel-clients' must be a client count or a list of them")]
    [InlineData("akkarpc.bench.cluster.members = [1, 4]", "'akkarpc.bench.cluster.members' must list cluster sizes from 1 to 3, not [1, 4]")]
    [InlineData("akkarpc.bench.cluster.databases = 0", "'akkarpc.bench.cluster.databases' must be an integer of at least 1")]
    [InlineData("akkarpc.bench.cluster.failover-kills = -1", "'akkarpc.bench.cluster.failover-kills' must be an integer of at least 0")]
    public void ABadValue_IsRefusedNamingItsKey_AndAGoodOneStillReads(string hocon, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(hocon));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal([2], Read("akkarpc.bench.cluster.members = [2]").ClusterMembers);
    }

    [Fact]
    public void TheClusterSuite_ReadsItsSection_AndQuickHasItsOwn()
    {
        const string hocon = "akkarpc.bench.cluster { members = [1, 2], databases = 16, clients = 64, failover-kills = 5 }\nakkarpc.bench.quick.cluster { clients = 8 }";

        var normal = BenchSettingsReader.Read(ConfigurationFactory.ParseString(hocon), BenchSuiteKind.Cluster, quick: false);
        var quick = BenchSettingsReader.Read(ConfigurationFactory.ParseString(hocon), BenchSuiteKind.Cluster, quick: true);

        Assert.Equal([1, 2], normal.ClusterMembers);
        Assert.Equal((16, 64, 5, 3), (normal.ClusterDatabases, normal.ClusterClients, normal.FailoverKills, normal.Rounds));
        Assert.Equal(8, quick.ClusterClients);
        Assert.Equal(1, quick.Rounds);
    }

    private static BenchSettings Read(string hocon) => BenchSettingsReader.Read(ConfigurationFactory.ParseString(hocon), BenchSuiteKind.Full, quick: false);
}
