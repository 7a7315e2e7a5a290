using System.Net.Sockets;
using Akka.Actor;
using AkkaRpc.Transport.Tests.Support;
using Xunit.Abstractions;

namespace AkkaRpc.Transport.Tests;

/// <summary>The node's run-time surface: bound addresses, the inbound connection count, and draining.</summary>
public abstract class ExtensionTests(TransportKind kind, ITestOutputHelper output) : TransportTestKit(kind, output)
{
    [Fact]
    public async Task InboundConnectionCount_FollowsClientsComingAndGoing()
    {
        (ActorSystem nodeSystem, Address node) = StartNode();
        AkkaRpcTransportExtension extension = AkkaRpcTransportExtension.Get(nodeSystem);
        Assert.Equal(0, extension.InboundConnectionCount);

        ActorSystem client = StartSystem("client", listen: false);
        Assert.Equal("hi", await EchoOf(client, node).Ask<string>("hi", TestTime.Seconds(10)));
        Assert.Equal(1, extension.InboundConnectionCount);

        await client.Terminate();
        await AwaitAssertAsync(() => Assert.Equal(0, extension.InboundConnectionCount), TestTime.Seconds(10));
    }

    [Fact]
    public async Task StopAccepting_RefusesNewConnections_AndLiveOnesKeepWorking()
    {
        (ActorSystem nodeSystem, Address node) = StartNode();
        ActorSystem live = StartSystem("live", listen: false);
        Assert.Equal("before", await EchoOf(live, node).Ask<string>("before", TestTime.Seconds(10)));

        AkkaRpcTransportExtension.Get(nodeSystem).StopAccepting();

        await Assert.ThrowsAnyAsync<SocketException>(() => FakePeer.ConnectAsync(node));
        Assert.Equal("after", await EchoOf(live, node).Ask<string>("after", TestTime.Seconds(10)));
        Assert.Equal(1, AkkaRpcTransportExtension.Get(nodeSystem).InboundConnectionCount);
    }

    [Fact]
    public void ClientMode_BindsNothing()
    {
        ActorSystem client = StartSystem("client", listen: false);

        Assert.Empty(AkkaRpcTransportExtension.Get(client).BoundAddresses);
        Address address = ((ExtendedActorSystem)client).Provider.DefaultAddress;
        Assert.Equal("akka." + Kind.Scheme, address.Protocol);
        Assert.EndsWith(".invalid", address.Host, StringComparison.Ordinal);
    }
}

public sealed class TcpExtensionTests(ITestOutputHelper output) : ExtensionTests(TransportKind.Tcp, output);

public sealed class UnixExtensionTests(ITestOutputHelper output) : ExtensionTests(TransportKind.Unix, output);
