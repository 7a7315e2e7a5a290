using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;
using AkkaRpc.Remote.Tests.Support;

namespace AkkaRpc.Remote.Tests.Remoting;

public sealed class InboundConnectionCountTests : AkkaRpc.TestKit.TestKit, IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-inbound-");
    private readonly ActorSystem _server = ActorSystem.Create("server");

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _server.Terminate().WaitAsync(TestTimeouts.Ceiling);
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task TheCount_RisesWhenAPeerConnects_AndFallsWhenItLeaves_RaisingTheEventEachTime()
    {
        var transport = new RemoteTransportOptions { CookiePath = Path.Combine(_directory.FullName, "cookie") };
        await using var server = await AkkaRpc.Remote.Remoting.StartAsync(_server, new RemotingOptions { Transport = transport, UnixSocketPath = Path.Combine(_directory.FullName, "node.sock"), ListenTcp = false });
        _server.ActorOf(Props.Create(() => new Replier()), "echo");
        var changes = CreateTestProbe();
        server.InboundConnectionCountChanged += (_, count) => changes.Ref.Tell(count, ActorRefs.NoSender);
        Assert.Equal(0, server.InboundConnectionCount);

        var client = await AkkaRpc.Remote.Remoting.StartAsync(Sys, new RemotingOptions { Transport = transport, ListenTcp = false }, CodecRegistry.CreateDefault());
        var echo = await Sys.ActorSelection(server.UnixAddress + "/user/echo").ResolveOne(TestTimeouts.Ceiling);
        Assert.Equal("hi", await echo.Ask<string>("hi", TestTimeouts.Ceiling));

        changes.ExpectMsg(1, TestTimeouts.Ceiling);
        Assert.Equal(1, server.InboundConnectionCount);

        await client.DisposeAsync();

        changes.ExpectMsg(0, TestTimeouts.Ceiling);
        Assert.Equal(0, server.InboundConnectionCount);
    }

    [Fact]
    public async Task AThrowingHandler_DoesNotBreakAccepting()
    {
        var transport = new RemoteTransportOptions { CookiePath = Path.Combine(_directory.FullName, "cookie") };
        await using var server = await AkkaRpc.Remote.Remoting.StartAsync(_server, new RemotingOptions { Transport = transport, UnixSocketPath = Path.Combine(_directory.FullName, "node.sock"), ListenTcp = false });
        _server.ActorOf(Props.Create(() => new Replier()), "echo");
        server.InboundConnectionCountChanged += (_, _) => throw new InvalidOperationException("handler bug");

        await using var client = await AkkaRpc.Remote.Remoting.StartAsync(Sys, new RemotingOptions { Transport = transport, ListenTcp = false }, CodecRegistry.CreateDefault());
        var echo = await Sys.ActorSelection(server.UnixAddress + "/user/echo").ResolveOne(TestTimeouts.Ceiling);

        Assert.Equal("still served", await echo.Ask<string>("still served", TestTimeouts.Ceiling));
        Assert.Equal(1, server.InboundConnectionCount);
    }

    private sealed class Replier : ReceiveActor
    {
        public Replier() => ReceiveAny(m => Sender.Tell(m, Self));
    }
}
