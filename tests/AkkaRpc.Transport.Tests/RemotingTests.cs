using Akka.Actor;
using Akka.Event;
using Akka.Remote;
using Akka.TestKit;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Tests.Support;
using Xunit.Abstractions;

namespace AkkaRpc.Transport.Tests;

/// <summary>Two real actor systems remoting over our transport, once per transport.</summary>
public abstract class RemotingTests(TransportKind kind, ITestOutputHelper output) : TransportTestKit(kind, output)
{
    private const string SmallFrames = "maximum-frame-size = 256 KiB";

    [Fact]
    public async Task ActorSelection_Ask_RoundTrip()
    {
        (_, Address node) = StartNode();
        ActorSystem client = StartSystem("client");

        Assert.Equal("hello", await EchoOf(client, node).Ask<string>("hello", TestTime.Seconds(10)));

        IActorRef echo = await EchoOf(client, node).ResolveOne(TestTime.Seconds(10));
        Assert.Equal(node, echo.Path.Address);
        Assert.Equal(42, await echo.Ask<int>(42, TestTime.Seconds(10)));
    }

    [Fact]
    public async Task LargeMessage_NearTheFrameLimit_ArrivesIntact()
    {
        (_, Address node) = StartNode(extraSection: SmallFrames);
        ActorSystem client = StartSystem("client", extraSection: SmallFrames);
        byte[] payload = new byte[(256 * 1024) - 1024];
        new Random(7).NextBytes(payload);

        byte[] answer = await EchoOf(client, node).Ask<byte[]>(payload, TestTime.Seconds(10));

        Assert.Equal(payload, answer);
    }

    [Fact]
    public async Task MessageOverTheFrameLimit_IsLoggedAndDropped_AndTheAssociationSurvives()
    {
        (_, Address node) = StartNode(extraSection: SmallFrames);
        ActorSystem client = StartSystem("client", extraSection: SmallFrames);
        TestProbe clientLogs = WatchLogs(client);
        TestProbe disassociations = CreateTestProbe(client);
        client.EventStream.Subscribe(disassociations.Ref, typeof(DisassociatedEvent));
        Assert.Equal("before", await EchoOf(client, node).Ask<string>("before", TestTime.Seconds(10)));

        EchoOf(client, node).Tell(new byte[300 * 1024]);

        // Akka.Remote's EndpointWriter refuses it before it reaches the transport (OversizedPayloadException).
        ExpectLog(clientLogs, "max allowed size 262144 bytes");
        Assert.Equal("after", await EchoOf(client, node).Ask<string>("after", TestTime.Seconds(10)));
        disassociations.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public async Task DeathWatch_RemoteActorStops_WatcherGetsTerminated()
    {
        (ActorSystem nodeSystem, Address node) = StartNode();
        IActorRef victim = nodeSystem.ActorOf(Echo.Props, "victim");
        ActorSystem client = StartSystem("client");
        IActorRef remoteVictim = await client.ActorSelection(new RootActorPath(node) / "user" / "victim").ResolveOne(TestTime.Seconds(10));
        TestProbe watcher = CreateTestProbe(client);
        watcher.Watch(remoteVictim);

        nodeSystem.Stop(victim);

        Assert.Equal(remoteVictim, watcher.ExpectTerminated(remoteVictim, TestTime.Seconds(10)).ActorRef);
    }

    [Fact]
    public async Task PeerKilled_SocketsClosed_DisassociatedAtOnce()
    {
        (ActorSystem nodeSystem, Address node) = StartNode();
        ActorSystem client = StartSystem("client");
        TestProbe events = CreateTestProbe(client);
        client.EventStream.Subscribe(events.Ref, typeof(DisassociatedEvent));
        Assert.Equal("hi", await EchoOf(client, node).Ask<string>("hi", TestTime.Seconds(10)));

        // What the kernel does to a killed process's sockets: they close, with no goodbye from Akka.
        foreach (RpcAssociationHandle handle in AkkaRpcTransportExtension.Get(nodeSystem).Transports.SelectMany(t => t.Handles))
        {
            handle.Connection.Abort(new ConnectionException(FailureKind.ConnectionAborted, "test: process killed"));
        }

        // Far sooner than the failure detectors (20 s and more) would notice.
        DisassociatedEvent gone = events.ExpectMsg<DisassociatedEvent>(TestTime.Seconds(3));
        Assert.Equal(node, gone.RemoteAddress);
    }

    [Fact]
    public async Task WrongCookie_AssociationFailsWithTheReasonLoggedOnBothSides_AndTheNodeServesOthers()
    {
        (ActorSystem nodeSystem, Address node) = StartNode();
        TestProbe nodeLogs = WatchLogs(nodeSystem);
        ActorSystem stranger = StartSystem("stranger", listen: false, extraSection: $"cookie-file = \"{Dir.Path("other-cookie")}\"");
        TestProbe strangerLogs = WatchLogs(stranger);

        EchoOf(stranger, node).Tell("let me in");

        ExpectLog(strangerLogs, "cookie was refused");
        ExpectLog(nodeLogs, "refused the handshake (BadCookie)");
        await AssertServesClientAsync(node);
    }

    [Fact]
    public async Task ClientMode_TwoClientSystemsOfOneNameInOneProcess_EachGetsItsOwnReplies()
    {
        (_, Address node) = StartNode();
        ActorSystem first = StartSystem("client", listen: false);
        ActorSystem second = StartSystem("client", listen: false);
        Address firstAddress = ((ExtendedActorSystem)first).Provider.DefaultAddress;
        Address secondAddress = ((ExtendedActorSystem)second).Provider.DefaultAddress;
        Assert.NotEqual(firstAddress, secondAddress);
        Assert.Empty(AkkaRpcTransportExtension.Get(first).BoundAddresses);

        async Task<string[]> AskAll(ActorSystem client, string tag) =>
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => EchoOf(client, node).Ask<string>($"{tag}-{i}", TestTime.Seconds(15))));

        Task<string[]> fromFirst = AskAll(first, "first");
        Task<string[]> fromSecond = AskAll(second, "second");

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"first-{i}"), await fromFirst);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"second-{i}"), await fromSecond);
    }

    [Fact]
    public async Task UntrustedMode_RemotePoisonPillKillAndUntrustedSelections_StopNothing()
    {
        const string Untrusted = """
            akka.remote.untrusted-mode = on
            akka.remote.trusted-selection-paths = ["/user/echo"]
            """;
        (ActorSystem nodeSystem, Address node) = StartNode(extra: Untrusted);
        IActorRef echoOnNode = await nodeSystem.ActorSelection("/user/echo").ResolveOne(TestTime.Seconds(5));
        IActorRef victim = nodeSystem.ActorOf(Echo.Props, "victim");
        TestProbe watcher = CreateTestProbe(nodeSystem);
        watcher.Watch(echoOnNode);
        watcher.Watch(victim);
        ActorSystem client = StartSystem("client", listen: false);
        IActorRef echo = await EchoOf(client, node).Ask<IActorRef>(new WhoAreYou(), TestTime.Seconds(10));
        ActorSelection victimSelection = client.ActorSelection(new RootActorPath(node) / "user" / "victim");

        echo.Tell(PoisonPill.Instance);
        echo.Tell(Kill.Instance);
        EchoOf(client, node).Tell(PoisonPill.Instance);
        EchoOf(client, node).Tell(Kill.Instance);
        victimSelection.Tell(PoisonPill.Instance);
        victimSelection.Tell(Kill.Instance);
        victimSelection.Tell("not for you");

        // One association delivers in order, so this answer comes after the node has dealt with everything above.
        Assert.Equal("still alive", await echo.Ask<string>("still alive", TestTime.Seconds(10)));
        Assert.IsType<UntrustedMiscMessageSerializer>(nodeSystem.Serialization.FindSerializerFor(Kill.Instance));
        Assert.Equal("victim alive", await victim.Ask<string>("victim alive", TestTime.Seconds(5)));
        watcher.ExpectNoMsg(TimeSpan.Zero);
    }
}

public sealed class TcpRemotingTests(ITestOutputHelper output) : RemotingTests(TransportKind.Tcp, output);

public sealed class UnixRemotingTests(ITestOutputHelper output) : RemotingTests(TransportKind.Unix, output);
