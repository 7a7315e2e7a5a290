using Akka.Actor;
using Akka.Configuration;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Running;

namespace AkkaRpc.Bench.Tests.Remoting;

/// <summary>The coordinator's and workers' Akka.Remote settings, and the addresses a worker accepts.</summary>
public sealed class BenchRemotingTests
{
    private static readonly BenchTransport s_ours = new(BenchTransport.RpcTcp, "/tmp/bench-cookie");
    private static readonly BenchTransport s_stock = new(BenchTransport.DotNettyTcp);

    [Fact]
    public void ByDefault_CoordinatorAndWorkers_TalkOverAkkaRpcsTransport_WithTheCookie()
    {
        var configuration = BenchConfiguration.Load("/nonexistent/bench.conf");

        Assert.Equal(BenchTransport.RpcTcp, configuration.Transport.Path);
        Assert.Equal("akka.rpc.tcp", configuration.Transport.Protocol);
        Assert.False(configuration.Transport.AllowNonLoopback);
    }

    [Fact]
    public void OnAkkaRpcsTransport_TheCoordinatorListens_AndAWorkerIsAClientThatBindsNothing()
    {
        var coordinator = BenchRemoting.Coordinator(s_ours with { AllowNonLoopback = true }, "0.0.0.0", 4100, "coordinator");
        var worker = BenchRemoting.Worker(s_ours);

        Assert.Equal([BenchTransport.RpcTcp], coordinator.GetStringList("akka.remote.enabled-transports"));
        Assert.True(coordinator.GetBoolean("akka.remote.rpc-tcp.listen"));
        Assert.Equal("0.0.0.0", coordinator.GetString("akka.remote.rpc-tcp.hostname"));
        Assert.Equal("coordinator", coordinator.GetString("akka.remote.rpc-tcp.public-hostname"));
        Assert.Equal(4100, coordinator.GetInt("akka.remote.rpc-tcp.port"));
        Assert.True(coordinator.GetBoolean("akka.remote.rpc-tcp.allow-non-loopback"));
        Assert.Equal("/tmp/bench-cookie", coordinator.GetString("akka.remote.rpc-tcp.cookie-file"));
        Assert.Equal("AkkaRpc.Transport.RpcTcpTransport, AkkaRpc.Transport", coordinator.GetString("akka.remote.rpc-tcp.transport-class"));

        Assert.Equal([BenchTransport.RpcTcp], worker.GetStringList("akka.remote.enabled-transports"));
        Assert.False(worker.GetBoolean("akka.remote.rpc-tcp.listen"));
        Assert.Equal("/tmp/bench-cookie", worker.GetString("akka.remote.rpc-tcp.cookie-file"));
        Assert.Equal(TimeSpan.Zero, worker.GetTimeSpan("akka.remote.retry-gate-closed-for"));
    }

    [Fact]
    public void TheStockTransport_StaysSelectable_WithAPublicHostName()
    {
        var configuration = BenchConfiguration.Load(WriteConfig("akkarpc.bench.remote.transport = \"akka.remote.dot-netty.tcp\""));
        var coordinator = BenchRemoting.Coordinator(configuration.Transport, "0.0.0.0", 4100, "coordinator");

        Assert.Equal("akka.tcp", configuration.Transport.Protocol);
        Assert.Equal([BenchTransport.DotNettyTcp], coordinator.GetStringList("akka.remote.enabled-transports"));
        Assert.Equal("0.0.0.0", coordinator.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal("coordinator", coordinator.GetString("akka.remote.dot-netty.tcp.public-hostname"));
        Assert.Equal(4100, coordinator.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal("127.0.0.1", BenchRemoting.Worker(s_stock).GetString("akka.remote.dot-netty.tcp.hostname"));
    }

    [Fact]
    public void AnotherTransport_IsRefusedNamingTheTwoThatWork()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BenchConfiguration.Load(WriteConfig("akkarpc.bench.remote.transport = \"akka.remote.rpc-unix\"")));

        Assert.Contains("akka.remote.rpc-unix", error.Message, StringComparison.Ordinal);
        Assert.Contains(BenchTransport.RpcTcp, error.Message, StringComparison.Ordinal);
        Assert.Contains(BenchTransport.DotNettyTcp, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BothEnds_RunUntrusted_AndOnlyTheCoordinatorAndTheDeathWatchHeartbeatsCanBeSelected()
    {
        foreach (var transport in new[] { s_ours, s_stock })
        {
            var coordinator = BenchRemoting.Coordinator(transport, "127.0.0.1", 0, "127.0.0.1");
            var worker = BenchRemoting.Worker(transport);

            Assert.True(coordinator.GetBoolean("akka.remote.untrusted-mode"));
            Assert.Equal(["/user/bench-coordinator", "/system/remote-watcher"], coordinator.GetStringList("akka.remote.trusted-selection-paths"));
            Assert.True(worker.GetBoolean("akka.remote.untrusted-mode"));
            Assert.Equal(["/system/remote-watcher"], worker.GetStringList("akka.remote.trusted-selection-paths"));
        }
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
    [InlineData("akka.rpc.tcp://AkkaRpcBench@bench:4100", "akka.rpc.tcp")]
    [InlineData("akka.rpc.tcp://AkkaRpcBench@bench:4100/", "akka.rpc.tcp")]
    [InlineData("akka.tcp://AkkaRpcBench@bench:4100", "akka.tcp")]
    [InlineData("akkarpc.tcp://AkkaRpcBench@bench:4100", "akka.rpc.tcp")]
    [InlineData("akkarpc.tcp://AkkaRpcBench@bench:4100", "akka.tcp")]
    public void ACoordinatorAddress_IsReadForTheWorkersTransport(string text, string protocol)
    {
        Assert.Equal(new Address(protocol, "AkkaRpcBench", "bench", 4100), CoordinatorAddress.Parse(text, protocol));
    }

    [Theory]
    [InlineData("bench:4100")]
    [InlineData("akka.rpc.tcp://bench:4100")]
    [InlineData("akka.rpc.tcp://AkkaRpcBench@bench")]
    [InlineData("akka.rpc.tcp://AkkaRpcBench@bench:0")]
    [InlineData("akka.rpc.tcp://AkkaRpcBench@bench:99999")]
    [InlineData("akka.tcp://AkkaRpcBench@bench:4100")]
    [InlineData("akka.rpc.unix://AkkaRpcBench@bench:4100")]
    public void ABadCoordinatorAddress_IsRefusedShowingTheRightForm(string text)
    {
        var error = Assert.Throws<FormatException>(() => CoordinatorAddress.Parse(text, "akka.rpc.tcp"));

        Assert.Contains("akka.rpc.tcp://AkkaRpcBench@host:4100", error.Message, StringComparison.Ordinal);
    }

    private static string WriteConfig(string hocon)
    {
        string path = Path.Combine(Path.GetTempPath(), "akkarpc-bench-tests", Guid.NewGuid().ToString("N") + ".conf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, hocon);
        return path;
    }
}
