using System.Diagnostics;
using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Remote.Tests.Remoting;

public abstract partial class RemotingContractTests
{
    [Fact]
    public async Task PendingAsks_FailAtOnceWithConnectionLost_WhenTheNodeGoes()
    {
        var (server, system) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        var pending = echo.Ask<string>("silence", TimeSpan.FromMinutes(5));
        await echo.Ask<string>("barrier", Ceiling); // The silent request has been received by now.

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();

        var error = await Assert.ThrowsAsync<RemoteConnectionLostException>(() => pending.WaitAsync(Ceiling));
        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the ask waited for its timeout instead of failing on disconnect");
        await system.Terminate();
    }

    [Fact]
    public async Task WatchingARemoteActor_DeliversTerminated_WhenItStops()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        var watcher = CreateTestProbe();
        watcher.Watch(echo);
        await echo.Ask<string>("barrier", Ceiling); // The watch frame went first on the same connection.

        echo.Tell("stop", ActorRefs.NoSender);

        var terminated = watcher.ExpectTerminated(echo, Ceiling);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public async Task WatchingARemoteActor_DeliversAddressTerminated_WhenTheWholeNodeGoes()
    {
        var (server, system) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        var watcher = CreateTestProbe();
        watcher.Watch(echo);
        await echo.Ask<string>("barrier", Ceiling);

        await server.DisposeAsync();

        var terminated = watcher.ExpectTerminated(echo, Ceiling);
        Assert.True(terminated.AddressTerminated);
        await system.Terminate();
    }

    [Fact]
    public async Task WatchingAPathWithNoActor_DeliversTerminatedAtOnce()
    {
        var (server, system) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        echo.Tell("stop", ActorRefs.NoSender);
        var probe = CreateTestProbe();
        probe.Watch(echo);

        probe.ExpectTerminated(echo, Ceiling);
        await system.Terminate();
    }

    [Fact]
    public async Task AfterTheNodeRestarts_TheNextUseReconnects()
    {
        var (first, firstSystem) = await StartServerAsync(generation: 0);
        var address = AddressOf(first);
        Assert.Equal("one", await (await ResolveAsync(first)).Ask<string>("one", Ceiling));
        await first.DisposeAsync();
        await firstSystem.Terminate();

        // Until the client has seen the drop, a message may still go out on the dying connection (and fail as
        // "outcome unknown"); reconnection happens on the next use after that.
        AwaitCondition(() => Client.OutboundTo(address).CurrentLink is null, Ceiling);
        var (second, _) = await StartServerAsync(generation: 1);
        Assert.Equal(address, AddressOf(second));

        var again = await Sys.ActorSelection(address + "/user/echo").ResolveOne(Ceiling);
        Assert.Equal("two", await again.Ask<string>("two", Ceiling));
    }

    [Fact]
    public async Task AnUnknownMessageId_ClosesOnlyThatConnection_AndTheNodeServesOthers()
    {
        // This client knows a message the server does not: the server must refuse it, not guess.
        var (server, _) = await StartServerAsync();
        await using var other = await StartClientAsync(withUnknownMessage: true);
        var echoFromOther = await other.System.ActorSelection(AddressOf(server) + "/user/echo").ResolveOne(Ceiling);
        var refused = echoFromOther.Ask<object>(new OnlyTheClientKnows(7), Ceiling);

        var error = await Assert.ThrowsAsync<RemoteConnectionLostException>(() => refused.WaitAsync(Ceiling));
        Assert.Contains("unknown message id", error.Message, StringComparison.Ordinal);

        var echo = await ResolveAsync(server);
        Assert.Equal("still serving", await echo.Ask<string>("still serving", Ceiling));
    }

    [Fact]
    public async Task AsksBeyondTheConnectionsLimit_FailAtOnceWithoutBeingSent()
    {
        var (server, _) = await StartServerAsync();
        var system = ActorSystem.Create("limited");
        var remoting = await AkkaRpc.Remote.Remoting.StartAsync(system, new RemotingOptions { ListenTcp = false, Transport = Transport(), MaxPendingAsksPerConnection = 2 }, Codecs());
        await using var node = new ClientNode(system, remoting);
        var echo = await system.ActorSelection(AddressOf(server) + "/user/echo").ResolveOne(Ceiling);

        var first = echo.Ask<string>("silence", TimeSpan.FromMinutes(5));
        var second = echo.Ask<string>("silence", TimeSpan.FromMinutes(5));
        var error = await Assert.ThrowsAsync<TooManyPendingAsksException>(() => echo.Ask<string>("third", Ceiling));

        Assert.Contains("max-pending-asks", error.Message, StringComparison.Ordinal);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
    }

    private async Task<ClientNode> StartClientAsync(bool withUnknownMessage)
    {
        var codecs = Codecs();
        if (withUnknownMessage)
        {
            codecs.Register(5000, new OnlyTheClientKnowsCodec());
        }

        var system = ActorSystem.Create("other");
        var remoting = await AkkaRpc.Remote.Remoting.StartAsync(system, new RemotingOptions { ListenTcp = false, Transport = Transport() }, codecs);
        return new ClientNode(system, remoting);
    }

    private sealed record OnlyTheClientKnows(int Value);

    private sealed class OnlyTheClientKnowsCodec : MessageCodec<OnlyTheClientKnows>
    {
        public override void Write(ref WireWriter writer, OnlyTheClientKnows message) => writer.WriteVarInt32(message.Value);

        public override OnlyTheClientKnows Read(ref WireReader reader) => new(reader.ReadVarInt32());
    }

    private sealed record ClientNode(ActorSystem System, AkkaRpc.Remote.Remoting Remoting) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Remoting.DisposeAsync();
            await System.Terminate();
        }
    }
}
