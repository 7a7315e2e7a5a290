using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Systems.AkkaRpc;

namespace AkkaRpc.Bench.Tests.Systems;

/// <summary>Node addresses as a node prints them (and as the kernel before Akka.NET did), and the systems they stand for.</summary>
public sealed class NodeAddressTests
{
    [Theory]
    [InlineData("akkarpc.tcp://AkkaRpc@127.0.0.1:4053", "akkarpc.tcp", "127.0.0.1", 4053)]
    [InlineData("akka.rpc.tcp://AkkaRpc@node:4053/", "akka.rpc.tcp", "node", 4053)]
    [InlineData("akka.tcp://AkkaRpc@127.0.0.1:2552", "akka.tcp", "127.0.0.1", 2552)]
    public void ATcpAddress_GivesSchemeSystemHostAndPort(string text, string scheme, string host, int port)
    {
        var address = NodeAddress.Parse(text);

        Assert.Equal(new NodeAddress(scheme, "AkkaRpc", host, port, null), address);
    }

    [Theory]
    [InlineData("akkarpc.unix://AkkaRpc@/run/user/1000/akkarpc/node.sock")]
    [InlineData("akka.rpc.unix://AkkaRpc@%2Frun%2Fuser%2F1000%2Fakkarpc%2Fnode.sock:0")]
    public void AUnixAddress_GivesTheSocketPath_PlainOrPercentEncoded(string text)
    {
        Assert.Equal("/run/user/1000/akkarpc/node.sock", NodeAddress.Parse(text).SocketPath);
    }

    [Theory]
    [InlineData("127.0.0.1:4053")]
    [InlineData("akkarpc.tcp://127.0.0.1:4053")]
    [InlineData("akkarpc.tcp://AkkaRpc@127.0.0.1")]
    [InlineData("akkarpc.tcp://AkkaRpc@127.0.0.1:0")]
    [InlineData("akkarpc.unix://AkkaRpc@relative.sock")]
    public void ANonAddress_IsRefusedShowingBothForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => NodeAddress.Parse(text));

        Assert.Contains("akka.rpc.tcp://System@host:port", error.Message, StringComparison.Ordinal);
        Assert.Contains("akka.rpc.unix://System@/path/to.sock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientOptions_ReachExactlyTheNodeAtTheAddress_NeverSpawningOne_OnTheSharedClientSystem()
    {
        var tcp = AkkaRpcBenchSystem.OptionsFor("akkarpc.tcp://Orders@10.0.0.5:4100", "/tmp/cookie");
        var unix = AkkaRpcBenchSystem.OptionsFor("akkarpc.unix://AkkaRpc@/run/node.sock");

        Assert.Equal(("10.0.0.5", 4100, 1, "", "Orders"), (tcp.TcpHost, tcp.TcpPort, tcp.TcpPortCount, tcp.UnixSocket, tcp.SystemName));
        Assert.Equal("/tmp/cookie", tcp.CookiePath);
        Assert.False(tcp.AutoSpawn);
        Assert.False(tcp.PrivateConnection); // handles share the process's client system, as an application's do
        Assert.Equal(("/run/node.sock", 0), (unix.UnixSocket, unix.TcpPortCount));
    }

    [Theory]
    [InlineData("akkarpc.tcp://AkkaRpc@127.0.0.1:1", SystemCatalog.AkkaRpcTcp)]
    [InlineData("akka.rpc.tcp://AkkaRpc@127.0.0.1:1", SystemCatalog.AkkaRpcTcp)]
    [InlineData("akkarpc.unix://AkkaRpc@/x.sock", SystemCatalog.AkkaRpcUnix)]
    [InlineData("akka.rpc.unix://AkkaRpc@%2Fx.sock:0", SystemCatalog.AkkaRpcUnix)]
    [InlineData("akka.tcp://AkkaRpc@127.0.0.1:1", SystemCatalog.AkkaDotNetty)]
    [InlineData("http://127.0.0.1:1", null)]
    [InlineData("databases in /data", null)]
    public void EveryListeningAddressOfANode_MapsToItsSystem(string address, string? key)
    {
        Assert.Equal(key, SystemCatalog.KeyOfNodeAddress(address));
    }

    [Fact]
    public void EverySystemOfTheCatalog_HasAKindAndADescription_AndEveryContenderAFloor()
    {
        foreach (string key in SystemCatalog.All)
        {
            Assert.True(Enum.IsDefined(SystemCatalog.KindOf(key)));
            Assert.NotEqual("unknown", SystemCatalog.Describe(key).ServerMode);
        }

        Assert.All(SystemCatalog.Contenders, key => Assert.NotNull(SystemCatalog.FloorOf(key)));
        Assert.Equal(SystemCatalog.RawTcp, SystemCatalog.FloorOf(SystemCatalog.AkkaDotNetty));
    }

    [Fact]
    public void ClientOptions_ForAnAkkaTcpAddress_NameTheNodesDotNettyListener_SoTheClientSpeaksDotNettyToo()
    {
        var dotNetty = AkkaRpcBenchSystem.OptionsFor("akka.tcp://AkkaRpc@localhost:2552", "/tmp/cookie");

        Assert.Equal("akka.tcp://AkkaRpc@localhost:2552", dotNetty.NodeAddress);
        Assert.False(dotNetty.AutoSpawn);
        Assert.False(dotNetty.PrivateConnection);
        Assert.Null(AkkaRpcBenchSystem.OptionsFor("akka.rpc.tcp://AkkaRpc@127.0.0.1:4053").NodeAddress);
    }

    [Fact]
    public void ClientOptions_AddressANodeByTheNameItAnswersTo_AndBracketAnIpv6Host()
    {
        // A node bound to 0.0.0.0 answers only to its public host name (compose's "node"): the name is kept, never resolved.
        Assert.Equal("node", AkkaRpcBenchSystem.OptionsFor("akka.rpc.tcp://AkkaRpc@node:4053").TcpHost);
        Assert.Equal("akka.tcp://AkkaRpc@[::1]:2552", AkkaRpcBenchSystem.OptionsFor("akka.tcp://AkkaRpc@[::1]:2552").NodeAddress);
    }

    [Theory]
    [InlineData(SystemCatalog.AkkaRpcTcp, "akka.rpc.tcp://AkkaRpc@127.0.0.1:1")]
    [InlineData(SystemCatalog.AkkaDotNetty, "akka.tcp://AkkaRpc@127.0.0.1:1")]
    [InlineData(SystemCatalog.Owner, "/tmp/owner")]
    [InlineData(SystemCatalog.Http, "http://127.0.0.1:1")]
    [InlineData(SystemCatalog.RawTcp, "tcp://127.0.0.1:1")]
    [InlineData(SystemCatalog.InProcess, "/tmp/inprocess.db")]
    public async Task EverySystemOfTheCatalog_HasAnAdapter(string key, string address)
    {
        await using var factory = new BenchSystemFactory();

        var system = factory.Get(new SystemEndpoint(key, SystemCatalog.KindOf(key), address, "bench"));

        Assert.Equal(key, system.Endpoint.Key);
        Assert.Same(system, factory.Get(system.Endpoint));
    }
}
