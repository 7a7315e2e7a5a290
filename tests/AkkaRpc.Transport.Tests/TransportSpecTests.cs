using Akka.Actor;
using Akka.Remote.Transport;
using Akka.TestKit;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Tests.Support;
using Google.Protobuf;
using Xunit.Abstractions;
using AkkaTransport = Akka.Remote.Transport.Transport;

namespace AkkaRpc.Transport.Tests;

/// <summary>
/// The cases of Akka.NET's own transport specs (GenericTransportSpec, and DotNettyTransportShutdownSpec's shutdown
/// cases), written as our own against the bare transport, plus what our transport adds: the cookie and backpressure.
/// Akka's AkkaProtocolTransport wrapper is internal in 1.5.73; RemotingTests covers the stack with it.
/// </summary>
public abstract class TransportSpecTests(TransportKind kind, ITestOutputHelper output) : TransportTestKit(kind, output)
{
    private readonly List<AkkaTransport> _transports = [];

    private AkkaTransport NewTransport(string name, string extra = "")
    {
        Akka.Configuration.Config config = Kind.TransportConfig(Dir, name, extra);
        AkkaTransport transport = Kind == TransportKind.Tcp ? new RpcTcpTransport(Sys, config) : new RpcUnixTransport(Sys, config);
        _transports.Add(transport);
        return transport;
    }

    private static TransportCore CoreOf(AkkaTransport transport) => ((RpcTransport)transport).Core;

    /// <summary>Registers a probe as each handle's reader and returns the probes (A's, B's).</summary>
    private (TestProbe AtA, TestProbe AtB) RegisterReaders(AssociationHandle a, AssociationHandle b)
    {
        TestProbe atA = CreateTestProbe();
        TestProbe atB = CreateTestProbe();
        a.ReadHandlerSource.SetResult(new ActorHandleEventListener(atA));
        b.ReadHandlerSource.SetResult(new ActorHandleEventListener(atB));
        return (atA, atB);
    }

    private async Task<Address> ListenAsync(AkkaTransport transport, IActorRef listener)
    {
        (Address address, TaskCompletionSource<IAssociationEventListener> promise) = await transport.Listen().WaitAsync(TestTime.Seconds(10));
        promise.SetResult(new ActorAssociationEventListener(listener));
        return address;
    }

    /// <summary>Two listening transports, A associated to B; returns both handles with their listeners unregistered.</summary>
    private async Task<(AssociationHandle A, AssociationHandle B, Address AddressA, Address AddressB)> AssociatedPairAsync(string extra = "")
    {
        AkkaTransport a = NewTransport("a", extra);
        AkkaTransport b = NewTransport("b", extra);
        Address addressA = await ListenAsync(a, TestActor);
        Address addressB = await ListenAsync(b, TestActor);

        Task<AssociationHandle> associate = a.Associate(addressB);
        AssociationHandle inbound = ExpectMsg<InboundAssociation>(TestTime.Seconds(10)).Association;
        AssociationHandle outbound = await associate.WaitAsync(TestTime.Seconds(10));
        return (outbound, inbound, addressA, addressB);
    }

    [Fact]
    public async Task Listen_ReturnsItsAddressAndAPromise()
    {
        AkkaTransport transport = NewTransport("a");

        (Address address, TaskCompletionSource<IAssociationEventListener> promise) = await transport.Listen().WaitAsync(TestTime.Seconds(10));

        Assert.Equal(Kind.Scheme, address.Protocol);
        Assert.Equal(Sys.Name, address.System);
        Assert.NotNull(promise);
        if (Kind == TransportKind.Tcp)
        {
            Assert.Equal("127.0.0.1", address.Host);
            Assert.NotEqual(0, address.Port);
        }
        else
        {
            Assert.Equal(Dir.Path("a.sock"), UnixSocketAddress.GetSocketPath(address));
            Assert.Equal(0, address.Port);
        }
    }

    [Fact]
    public async Task Associate_WithAnotherTransportOfItsKind_BothSidesKnowEachOther()
    {
        (AssociationHandle a, AssociationHandle b, Address addressA, Address addressB) = await AssociatedPairAsync();

        Assert.Equal(addressA, a.LocalAddress);
        Assert.Equal(addressB, a.RemoteAddress);
        Assert.Equal(addressB, b.LocalAddress);
        Assert.Equal(addressA, b.RemoteAddress);
    }

    [Fact]
    public async Task Associate_NonExistingAddress_FailsWithInvalidAssociation()
    {
        AkkaTransport transport = NewTransport("a");
        await ListenAsync(transport, TestActor);
        Address nowhere = Kind == TransportKind.Tcp
            ? new Address(Kind.Scheme, "nosystem", "127.0.0.1", Loopback.FreePort())
            : new Address(Kind.Scheme, "nosystem", UnixSocketAddress.Encode(Dir.Path("nobody.sock")), 0);

        var error = await Assert.ThrowsAsync<InvalidAssociationException>(() => transport.Associate(nowhere).WaitAsync(TestTime.Seconds(10)));

        Assert.Contains("is a node running there?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_Pdus_ArriveAsInboundPayloadsInOrder()
    {
        (AssociationHandle a, AssociationHandle b, _, _) = await AssociatedPairAsync();
        (TestProbe atA, TestProbe atB) = RegisterReaders(a, b);

        Assert.True(a.Write(ByteString.CopyFromUtf8("PDU")));
        Assert.Equal("PDU", atB.ExpectMsg<InboundPayload>().Payload.ToStringUtf8());

        for (int i = 0; i < 1000; i++)
        {
            Assert.True(b.Write(ByteString.CopyFromUtf8($"pdu {i}")));
        }

        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal($"pdu {i}", atA.ExpectMsg<InboundPayload>().Payload.ToStringUtf8());
        }

        // Every byte queued was sent, so the queue empties again (its count decides backpressure). The peer can
        // read a batch before the sender has counted it out, hence the wait.
        await AwaitAssertAsync(() =>
        {
            Assert.Equal(0, ((RpcAssociationHandle)a).Connection.QueuedBytes);
            Assert.Equal(0, ((RpcAssociationHandle)b).Connection.QueuedBytes);
        });
    }

    [Fact]
    public async Task Disassociate_BothSidesGetDisassociated()
    {
        (AssociationHandle a, AssociationHandle b, _, _) = await AssociatedPairAsync();
        (TestProbe atA, TestProbe atB) = RegisterReaders(a, b);

        a.Disassociate("Disassociation test", Log);

        atB.ExpectMsg<Disassociated>(TestTime.Seconds(10));
        atA.ExpectMsg<Disassociated>(TestTime.Seconds(10));

        // Disassociate may be called any number of times.
        a.Disassociate("again", Log);
    }

    [Fact]
    public async Task Shutdown_OfOneSide_DisassociatesThePeerAndFreesEveryConnection()
    {
        (AssociationHandle a, AssociationHandle b, _, _) = await AssociatedPairAsync();
        (_, TestProbe atB) = RegisterReaders(a, b);
        Assert.Single(CoreOf(_transports[0]).Handles);
        Assert.Single(CoreOf(_transports[1]).Handles);
        Assert.Equal(1, CoreOf(_transports[1]).InboundConnectionCount);

        Assert.True(await _transports[0].Shutdown().WaitAsync(TestTime.Seconds(10)));

        atB.ExpectMsg<Disassociated>(TestTime.Seconds(10));
        Assert.Empty(CoreOf(_transports[0]).Handles);
        await AwaitAssertAsync(() => Assert.Equal(0, CoreOf(_transports[1]).InboundConnectionCount));
        Assert.Empty(CoreOf(_transports[1]).Handles);
    }

    [Fact]
    public async Task Associate_WithAnotherCookie_FailsSayingTheCookieWasRefused()
    {
        AkkaTransport a = NewTransport("a", $"cookie-file = \"{Dir.Path("other-cookie")}\"");
        AkkaTransport b = NewTransport("b");
        TestProbe logs = WatchLogs(Sys);
        await ListenAsync(a, TestActor);
        Address addressB = await ListenAsync(b, TestActor);

        var error = await Assert.ThrowsAsync<InvalidAssociationException>(() => a.Associate(addressB).WaitAsync(TestTime.Seconds(10)));

        Assert.Contains("cookie was refused", error.Message, StringComparison.Ordinal);
        ExpectLog(logs, "proof did not verify");
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public async Task Associate_ClientModeAddress_FailsAtOnce()
    {
        AkkaTransport transport = NewTransport("a");
        await ListenAsync(transport, TestActor);
        Address client = ClientAddress.Create(Kind.Scheme, "client");

        var error = await Assert.ThrowsAsync<InvalidAssociationException>(() => transport.Associate(client));

        Assert.Contains("client-mode address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ToAPeerThatNeverReads_ReturnsFalseOverTheCap_ThenTheStuckPeerIsDropped()
    {
        (AssociationHandle a, _, _, _) = await AssociatedPairAsync("maximum-frame-size = 256 KiB\nmax-queued-bytes = 1 MiB\nwrite-stall-timeout = 1 s");
        TestProbe atA = CreateTestProbe();
        TestProbe logs = WatchLogs(Sys);
        a.ReadHandlerSource.SetResult(new ActorHandleEventListener(atA));

        // B's listener is never registered, so B never reads: socket buffers fill, then A's queue passes the cap.
        ByteString pdu = ByteString.CopyFrom(new byte[64 * 1024]);
        int accepted = 0;
        while (a.Write(pdu))
        {
            Assert.True(++accepted < 20_000, "Write never pushed back");
        }

        // Retry as Akka's EndpointWriter does after a refused write. The peer's receive loop may still take in a few
        // frames (its input pipe holds two), so the queue can fall back under the cap; it stays full only once B is stuck.
        AwaitCondition(() => !a.Write(pdu) && atA.HasMessages, TestTime.Seconds(15), TimeSpan.FromMilliseconds(20));
        ExpectLog(logs, "the peer is not reading");
        atA.ExpectMsg<Disassociated>();
        Assert.False(a.Write(pdu));
    }

    protected override void AfterAll()
    {
        Task.WaitAll([.. _transports.Select(t => t.Shutdown())], TestTime.Seconds(20));
        base.AfterAll();
    }
}

public sealed class TcpTransportSpecTests(ITestOutputHelper output) : TransportSpecTests(TransportKind.Tcp, output);

public sealed class UnixTransportSpecTests(ITestOutputHelper output) : TransportSpecTests(TransportKind.Unix, output);
