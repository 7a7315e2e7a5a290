using Akka.Actor;
using AkkaRpc.Bench.Remoting;

namespace AkkaRpc.Bench.Tests.Remoting;

/// <summary>The coordinator's and workers' Akka.Remote settings, and the addresses a worker accepts.</summary>
public sealed class BenchRemotingTests
{
    [Fact]
    public void TheTransport_IsAConfigurationChoice_NamedByItsHoconPath()
    {
        var stock = BenchRemoting.Coordinator(BenchRemoting.DotNettyTcp, "0.0.0.0", 4100, "coordinator");
        var ours = BenchRemoting.Coordinator("akka.remote.akkarpc-tcp", "127.0.0.1", 4100, "127.0.0.1");

        Assert.Equal(["akka.remote.dot-netty.tcp"], stock.GetStringList("akka.remote.enabled-transports"));
        Assert.Equal("0.0.0.0", stock.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal("coordinator", stock.GetString("akka.remote.dot-netty.tcp.public-hostname"));
        Assert.Equal(4100, stock.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal(["akka.remote.akkarpc-tcp"], ours.GetStringList("akka.remote.enabled-transports"));
        Assert.Equal(4100, ours.GetInt("akka.remote.akkarpc-tcp.port"));
    }

    [Fact]
    public void BothEnds_RunUntrusted_AndOnlyTheCoordinatorAndTheDeathWatchHeartbeatsCanBeSelected()
    {
        var coordinator = BenchRemoting.Coordinator(BenchRemoting.DotNettyTcp, "127.0.0.1", 0, "127.0.0.1");
        var worker = BenchRemoting.Worker(BenchRemoting.DotNettyTcp);

        Assert.True(coordinator.GetBoolean("akka.remote.untrusted-mode"));
        Assert.Equal(["/user/bench-coordinator", "/system/remote-watcher"], coordinator.GetStringList("akka.remote.trusted-selection-paths"));
        Assert.True(worker.GetBoolean("akka.remote.untrusted-mode"));
        Assert.Equal(["/system/remote-watcher"], worker.GetStringList("akka.remote.trusted-selection-paths"));
        Assert.Equal("127.0.0.1", worker.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(0, worker.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Fact]
    public void WorkerSystemNames_AreUniquePerProcess_AndValidForAkka()
    {
        string a = BenchRemoting.WorkerSystemName();
        string b = BenchRemoting.WorkerSystemName();

        Assert.NotEqual(a, b);
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$", a);
    }

    [Theory]
    [InlineData("akka.tcp://AkkaRpcBench@bench:4100")]
    [InlineData("akka.tcp://AkkaRpcBench@bench:4100/")]
    [InlineData("akkarpc.tcp://AkkaRpcBench@bench:4100")]
    public void ACoordinatorAddress_IsReadForTheWorkersTransport(string text)
    {
        Assert.Equal(new Address("akka.tcp", "AkkaRpcBench", "bench", 4100), CoordinatorAddress.Parse(text, "akka.tcp"));
    }

    [Theory]
    [InlineData("bench:4100")]
    [InlineData("akka.tcp://bench:4100")]
    [InlineData("akka.tcp://AkkaRpcBench@bench")]
    [InlineData("akka.tcp://AkkaRpcBench@bench:0")]
    [InlineData("akka.tcp://AkkaRpcBench@bench:99999")]
    [InlineData("akka.rpc.unix://AkkaRpcBench@bench:4100")]
    public void ABadCoordinatorAddress_IsRefusedShowingTheRightForm(string text)
    {
        var error = Assert.Throws<FormatException>(() => CoordinatorAddress.Parse(text, "akka.tcp"));

        Assert.Contains("akka.tcp://AkkaRpcBench@host:4100", error.Message, StringComparison.Ordinal);
    }
}
