using Akka.Configuration;

namespace AkkaRpc.Hosting.Tests.Cluster;

/// <summary><c>akkarpc.cluster</c>: off by default; seeds and roles from a HOCON list or a comma-separated flag; bad values refused by key.</summary>
public sealed class ClusterConfigurationTests
{
    [Fact]
    public void ClusterMode_IsOffByDefault_WithKeepMajorityAndTheLocalClusterTimings()
    {
        var cluster = ClusterOptionsReader.Read(AkkaRpcConfiguration.Load(null, []));

        Assert.False(cluster.Enabled);
        Assert.Equal("keep-majority", cluster.SplitBrainStrategy);
        Assert.Equal(TimeSpan.FromSeconds(1), cluster.StableAfter);
        Assert.Equal(TimeSpan.FromSeconds(1), cluster.AcceptableHeartbeatPause);
        Assert.Empty(cluster.SeedNodes);
        Assert.True(cluster.HostsDatabases);
    }

    // Sharding's reference config names an LMDB store for remembered entities; akkarpc remembers none, and a native
    // akkarpc does not carry that store, so a member would stop at start if its replicator had durable keys.
    [Fact]
    public void AMembersConfig_GivesShardingNoDurableKeys_OverShardingsOwnDefault()
    {
        var options = ClusterOptionsReader.Read(AkkaRpcConfiguration.Load(null, [])) with { Enabled = true, SeedNodes = ["akka.rpc.tcp://AkkaRpc@127.0.0.1:4053"] };
        var config = options.ToConfig().WithFallback(Akka.Cluster.Sharding.ClusterSharding.DefaultConfig());

        Assert.NotEmpty(Akka.Cluster.Sharding.ClusterSharding.DefaultConfig().GetStringList("akka.cluster.sharding.distributed-data.durable.keys"));
        Assert.Empty(config.GetStringList("akka.cluster.sharding.distributed-data.durable.keys"));
    }

    [Fact]
    public void SeedsAndRoles_ComeFromAHoconList_OrACommaSeparatedFlag()
    {
        var fromFlags = ClusterOptionsReader.Read(AkkaRpcConfiguration.Load(null,
            ["--cluster:seed-nodes=akka.rpc.tcp://AkkaRpc@127.0.0.1:4053,akka.rpc.tcp://AkkaRpc@127.0.0.1:4054", "--cluster:roles=db,eu", "--cluster:database-role=db"]));
        var fromHocon = ClusterOptionsReader.Read(ConfigurationFactory.ParseString(
            """akkarpc.cluster { seed-nodes = ["akka.rpc.tcp://AkkaRpc@127.0.0.1:4053"], roles = ["web"], database-role = "db" }""").WithFallback(AkkaRpcConfiguration.Reference));

        Assert.Equal(["akka.rpc.tcp://AkkaRpc@127.0.0.1:4053", "akka.rpc.tcp://AkkaRpc@127.0.0.1:4054"], fromFlags.SeedNodes);
        Assert.Equal(["db", "eu"], fromFlags.Roles);
        Assert.True(fromFlags.HostsDatabases);
        Assert.Equal(["akka.rpc.tcp://AkkaRpc@127.0.0.1:4053"], fromHocon.SeedNodes);
        Assert.False(fromHocon.HostsDatabases);
    }

    [Theory]
    [InlineData("--cluster:split-brain-resolver:active-strategy=keep-luck", "active-strategy")]
    [InlineData("--cluster:seed-nodes=127.0.0.1:4053", "seed-nodes")]
    [InlineData("--cluster:failure-detector:acceptable-heartbeat-pause=100ms", "acceptable-heartbeat-pause")]
    [InlineData("--cluster:shards=0", "shards")]
    [InlineData("--cluster:enabled=on", "seed-nodes is empty")]
    public void ABadValue_IsRefused_NamingItsKey_AndTheDefaultsStillRead(string flag, string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClusterOptionsReader.Read(AkkaRpcConfiguration.Load(null, [flag])));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.False(ClusterOptionsReader.Read(AkkaRpcConfiguration.Load(null, [])).Enabled);
    }

    [Fact]
    public void AMisspeltClusterKey_IsRefused_ListingTheSectionsKeys()
    {
        var error = Assert.Throws<ConfigurationException>(() => AkkaRpcConfiguration.Load(null, ["--cluster:sead-nodes=x"]));

        Assert.Contains("akkarpc.cluster.sead-nodes", error.Message, StringComparison.Ordinal);
        Assert.Contains("seed-nodes", error.Message, StringComparison.Ordinal);
    }
}
