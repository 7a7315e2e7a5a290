using AkkaRpc.Actors;

namespace AkkaRpc.Remote.Tests.Remoting;

public abstract partial class RemotingContractTests
{
    [Fact]
    public async Task ResolveOne_FindsTheRemoteActor_AndAskRoundTrips()
    {
        var (server, _) = await StartServerAsync();

        var echo = await ResolveAsync(server);

        Assert.Equal(AddressOf(server), echo.Path.Address);
        Assert.Equal("/user/echo", echo.Path.ToStringWithoutAddress());
        Assert.Equal("hello", await echo.Ask<string>("hello", Ceiling));
        Assert.Equal(42L, await echo.Ask<long>(42L, Ceiling));
    }

    [Fact]
    public async Task ResolveOne_OfAPathWithNoActor_ThrowsActorNotFound()
    {
        var (server, _) = await StartServerAsync();

        await Assert.ThrowsAsync<ActorNotFoundException>(() => ResolveAsync(server, "/user/nobody-here"));
    }

    [Fact]
    public async Task Tell_WithASender_TheFarSideRepliesToThatSender()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        var probe = CreateTestProbe();

        echo.Tell("ping", probe.Ref);

        Assert.Equal("ping", probe.ExpectMsg<string>(Ceiling));
        Assert.Equal(echo, probe.LastSender);
    }

    [Fact]
    public async Task MessagesFromOneSender_ArriveInSendOrder_AcrossTheWire()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        var probe = CreateTestProbe();
        const int count = 10_000;

        for (var i = 0; i < count; i++)
        {
            echo.Tell(i, probe.Ref);
        }

        var received = probe.ReceiveN(count, Ceiling);
        Assert.Equal(Enumerable.Range(0, count), received.Cast<int>());
    }

    [Fact]
    public async Task ALargeMessage_IsChunked_AndReassembledExactly()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        var payload = new byte[5 * 1024 * 1024 + 17];
        new Random(7).NextBytes(payload);

        var back = await echo.Ask<byte[]>(payload, Ceiling);

        Assert.Equal(payload, back);
    }

    [Fact]
    public async Task AfterFirstUse_TheRecipientPathTravelsAsASmallId()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        var probe = CreateTestProbe();
        var sender = Sys.ActorOf(Props.Create(() => new Relay(probe.Ref)), "a-sender-with-a-long-name");
        var link = Client.OutboundTo(AddressOf(server)).CurrentLink!;

        var before = link.BytesSent;
        echo.Tell("x", sender);
        probe.ExpectMsg<string>(Ceiling);
        var first = link.BytesSent - before;
        echo.Tell("x", sender);
        probe.ExpectMsg<string>(Ceiling);
        var second = link.BytesSent - before - first;

        // The first frame defines both refs (paths and uids); the second carries two small ids instead.
        var paths = "/user/echo".Length + "/user/a-sender-with-a-long-name".Length;
        Assert.True(second <= first - paths, $"first frame {first} bytes, second {second} bytes");
        Assert.Equal(2, link.CompressedRefs);
    }

        [Fact]
    public async Task AMessageWithoutACodec_FailsTheAskAtOnce_NamingTheType()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => echo.Ask<object>(new Unregistered(), Ceiling));

        Assert.Contains(nameof(Unregistered), error.Message, StringComparison.Ordinal);
        Assert.Equal("still fine", await echo.Ask<string>("still fine", Ceiling));
    }

    [Fact]
    public async Task AFailureReply_ThrowsARemoteExceptionWithTheOriginalTypeAndMessage()
    {
        var (server, system) = await StartServerAsync();
        system.ActorOf(Props.Create(() => new Failer()), "failer");
        var failer = await ResolveAsync(server, "/user/failer");

        var error = await Assert.ThrowsAsync<AkkaRpc.Remote.Serialization.RemoteException>(() => failer.Ask<string>("go", Ceiling));

        Assert.Contains("InvalidOperationException", error.RemoteExceptionType, StringComparison.Ordinal);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    private sealed record Unregistered;

    private sealed class Relay(IActorRef target) : UntypedActor
    {
        protected override void OnReceive(object message) => target.Tell(message, Sender);
    }

    private sealed class Failer : ReceiveActor
    {
        public Failer() => Receive<string>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("nope")), Self));
    }
}
