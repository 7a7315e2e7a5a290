using System.Diagnostics;
using System.Collections;
using System.Reflection;
using AkkaRpc.Actors;

namespace AkkaRpc.Remote.Tests.Remoting;

/// <summary>Cases found in review: each failed before its fix.</summary>
public abstract partial class RemotingContractTests
{
    [Fact]
    public async Task AnActorWatchingARemoteActorThatIsAlreadyGone_GetsTerminated()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        var path = AddressOf(server) + "/user/echo";
        Sys.ActorSelection(path).Tell("stop", ActorRefs.NoSender);

        // Each Identify is a round trip: stop asking once the node answers that nothing is there.
        while ((await Sys.ActorSelection(path).Ask<ActorIdentity>(new Identify(1), Ceiling)).Subject is not null)
        {
        }

        var report = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new WatcherActor(echo, report.Ref)), "watcher");

        Assert.Equal("terminated:" + echo.Path, report.ExpectMsg<string>(Ceiling));
    }

    [Fact]
    public async Task CompletedAsks_AreNotKeptInTheConnectionsTables()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        for (var i = 0; i < 50; i++)
        {
            await echo.Ask<string>("x" + i, Ceiling);
        }

        var link = Client.OutboundTo(AddressOf(server)).CurrentLink!;
        var table = (IList)typeof(Link).GetField("_inReaderRefs", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(link)!;
        Assert.DoesNotContain(table.Cast<object?>(), o => o?.GetType().Name.StartsWith("PromiseActorRef", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AnOversizedMessage_IsADeadLetter_AndLaterMessagesFromTheSameSenderStillArrive()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        var probe = CreateTestProbe();
        var sender = Sys.ActorOf(Props.Create(() => new ReplyForwarder(probe.Ref)), "sender");
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        echo.Tell(new string('a', 17 * 1024 * 1024), sender); // over max-message-size: refused, not thrown

        Assert.IsType<string>(deadLetters.ExpectMsg<DeadLetter>(Ceiling).Message);
        echo.Tell("after", sender);
        Assert.Equal("after", probe.ExpectMsg<string>(Ceiling));
        Assert.Equal("still", await echo.Ask<string>("still", Ceiling));
    }

    [Fact]
    public async Task AnAskToAnUnusableAddress_FailsAtOnce_InsteadOfTimingOut()
    {
        await StartServerAsync();
        var selection = Sys.ActorSelection($"akkarpc.unix://server@/{new string('p', 200)}.sock/user/echo");

        var error = await Record.ExceptionAsync(() => selection.Ask<ActorIdentity>(new Identify(1), Ceiling));

        Assert.IsType<RemoteUnreachableException>(error);
    }

    [Fact]
    public async Task AnAskToAPathWithNoActor_FailsAtOnce_WithActorNotFound()
    {
        var (server, _) = await StartServerAsync();
        var echo = await ResolveAsync(server);
        echo.Tell("stop", ActorRefs.NoSender);
        var watcher = CreateTestProbe();
        watcher.Watch(echo);
        watcher.ExpectTerminated(echo, Ceiling);

        var error = await Assert.ThrowsAsync<AkkaRpc.Remote.Serialization.RemoteException>(() => echo.Ask<string>("anyone?", Ceiling));

        Assert.Contains("ActorNotFoundException", error.RemoteExceptionType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAskToASelectionThatMatchesNothing_FailsAtOnce_WithActorNotFound()
    {
        var (server, _) = await StartServerAsync();

        var asked = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<AkkaRpc.Remote.Serialization.RemoteException>(
            () => Sys.ActorSelection(AddressOf(server) + "/user/nobody-here").Ask<string>("anyone?", Ceiling));

        Assert.Contains("ActorNotFoundException", error.RemoteExceptionType, StringComparison.Ordinal);
        Assert.Contains("/user/nobody-here", error.Message, StringComparison.Ordinal);
        Assert.True(asked.Elapsed < Ceiling, "the ask waited for its whole timeout");
    }

    private sealed class WatcherActor : ReceiveActor
    {
        public WatcherActor(IActorRef target, IActorRef report)
        {
            Receive<Terminated>(t => report.Tell("terminated:" + t.ActorRef.Path, Self));
            Context.Watch(target);
        }
    }

    private sealed class ReplyForwarder(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message) => probe.Tell(message, Sender);
    }
}
