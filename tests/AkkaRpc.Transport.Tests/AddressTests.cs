using Akka.Actor;

namespace AkkaRpc.Transport.Tests;

/// <summary>The one helper that turns a socket path and system name into an akka.rpc.unix address and back.</summary>
public sealed class AddressTests
{
    [Theory]
    [InlineData("/run/user/1000/akkarpc/node.sock")]
    [InlineData("/tmp/Mixed Case/Ünïcode dir/node.sock")]
    [InlineData("/tmp/odd:chars@here/%41/node.sock")]
    public void UnixSocketAddress_RoundTripsThePathExactly_ThroughActorPaths(string socketPath)
    {
        Address address = UnixSocketAddress.ToAddress(socketPath, "AkkaRpc");

        Assert.Equal("akka.rpc.unix", address.Protocol);
        Assert.Equal(0, address.Port);
        Assert.DoesNotContain('/', address.Host!);
        Assert.DoesNotContain(':', address.Host!);
        Assert.DoesNotContain('@', address.Host!);
        Assert.Equal(socketPath, UnixSocketAddress.GetSocketPath(address));

        // Akka lowercases hosts and parses them back from text; the path must survive both.
        Assert.True(ActorPath.TryParse(address + "/user/databases/orders", out ActorPath? path));
        Assert.Equal(socketPath, UnixSocketAddress.GetSocketPath(path!.Address));
        Assert.True(Address.TryParse(address.ToString(), out Address? parsed));
        Assert.Equal(address, parsed);
    }

    [Fact]
    public void UnixSocketAddress_SelectedByActorPath_IsRemote_WhileAkkasStringOverloadTakesItForLocal()
    {
        using var system = ActorSystem.Create("selector", "akka.loglevel = WARNING");
        Address address = UnixSocketAddress.ToAddress("/run/user/1000/akkarpc/node.sock", "AkkaRpc");
        ActorPath path = new RootActorPath(address) / "user" / "databases";

        // The documented way keeps the address; Akka's Uri check makes the string overload a local selection.
        Assert.True(ActorPath.TryParse(path.ToString(), out ActorPath? parsed));
        Assert.Equal(address, parsed!.Address);
        Assert.Equal("akka://selector/", system.ActorSelection(path.ToString()).Anchor.Path.ToString());
    }

    [Fact]
    public void UnixSocketAddress_RelativePath_IsMadeAbsolute()
    {
        Address address = UnixSocketAddress.ToAddress("node.sock", "AkkaRpc");

        Assert.Equal(Path.GetFullPath("node.sock"), UnixSocketAddress.GetSocketPath(address));
    }

    [Fact]
    public void UnixSocketAddress_OtherAddresses_AreNotSocketPaths()
    {
        Assert.False(UnixSocketAddress.TryGetSocketPath(new Address("akka.rpc.tcp", "AkkaRpc", "127.0.0.1", 4053), out _));
        Assert.False(UnixSocketAddress.TryGetSocketPath(ClientAddress.Create("akka.rpc.unix", "client"), out _));
        Assert.False(UnixSocketAddress.TryGetSocketPath(new Address("akka.rpc.unix", "AkkaRpc", "not-a-path", 0), out _));
        var error = Assert.Throws<ArgumentException>(() => UnixSocketAddress.GetSocketPath(new Address("akka.tcp", "AkkaRpc", "localhost", 1)));
        Assert.Contains("does not name a Unix socket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientAddresses_AreUniquePerTransportInstance()
    {
        Address first = ClientAddress.Create("rpc.tcp", "client");
        Address second = ClientAddress.Create("rpc.tcp", "client");

        Assert.NotEqual(first, second);
        Assert.True(ClientAddress.IsClient(first));
        Assert.False(ClientAddress.IsClient(new Address("rpc.tcp", "client", "127.0.0.1", 1)));
    }
}
