using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class SelectionTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(5);

    [Fact]
    public void AnAbsoluteSelection_ReachesTheActor()
    {
        var a = Sys.ActorOf(EchoActor.Props(), "a");
        Sys.ActorSelection("/user/a").Tell("hi");
        ExpectMsg("hi");
        Assert.Equal(a, LastSender);
    }

    [Fact]
    public void ASelectionWithTheFullAddress_ReachesTheActor()
    {
        var a = Sys.ActorOf(EchoActor.Props(), "a");
        Sys.ActorSelection($"{Sys.Address}/user/a").Tell("hi");
        ExpectMsg("hi");
        Assert.Equal(a, LastSender);
    }

    [Fact]
    public void ARelativeSelection_FromInsideAnActor_ReachesASibling()
    {
        var b = Sys.ActorOf(EchoActor.Props(), "b");
        var a = Sys.ActorOf(Props.Create(() => new Selector()), "a");
        a.Tell(new SelectAndSend("../b", "via sibling"));
        ExpectMsg("via sibling");
        Assert.Equal(b, LastSender);
    }

    [Fact]
    public void AWildcardSelection_ReachesEveryMatchingActor()
    {
        Sys.ActorOf(EchoActor.Props(), "worker-1");
        Sys.ActorOf(EchoActor.Props(), "worker-2");
        Sys.ActorOf(EchoActor.Props(), "other");
        Sys.ActorSelection("/user/worker-*").Tell("all");
        ExpectMsg("all");
        var first = LastSender;
        ExpectMsg("all");
        var second = LastSender;
        Assert.Equal(["worker-1", "worker-2"], new[] { first, second }.Select(s => s.Path.Name).Order());
        ExpectNoMsg();
    }

    [Fact]
    public async Task AnAskToASelectionThatMatchesNothing_FailsAtOnce_AndTheMessageIsADeadLetter()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        var error = await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/nobody").Ask<string>("anyone?", TimeSpan.FromMinutes(5)));

        Assert.Contains("/user/nobody", error.Message, StringComparison.Ordinal);
        Assert.Equal("anyone?", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void Identify_AnswersWithTheActor_OrWithNullWhenNothingMatches()
    {
        var a = Sys.ActorOf(EchoActor.Props(), "a");
        Sys.ActorSelection("/user/a").Tell(new Identify("found"));
        Assert.Equal(new ActorIdentity("found", a), ExpectMsg<ActorIdentity>());
        Sys.ActorSelection("/user/missing").Tell(new Identify("missing"));
        Assert.Equal(new ActorIdentity("missing", null), ExpectMsg<ActorIdentity>());
    }

    [Fact]
    public async Task Identify_SentToAStoppedActorsRef_IsAnsweredWithNoSubject()
    {
        var a = Sys.ActorOf(EchoActor.Props(), "a");
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        a.Tell(new Identify(7));
        Assert.Equal(new ActorIdentity(7, null), ExpectMsg<ActorIdentity>());
        Assert.Null((await a.Ask<ActorIdentity>(new Identify(8), Ceiling)).Subject);
    }

    [Fact]
    public async Task ResolveOne_FindsTheActor()
    {
        var a = Sys.ActorOf(EchoActor.Props(), "a");
        Assert.Equal(a, await Sys.ActorSelection("/user/a").ResolveOne(Ceiling));
    }

    [Fact]
    public async Task ResolveOne_ThrowsActorNotFoundWhenNothingMatches()
    {
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/missing").ResolveOne(Ceiling));
    }

    [Fact]
    public async Task ASelection_DoesNotReachAStoppedActor()
    {
        var a = Sys.ActorOf(EchoActor.Props(), "a");
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/a").ResolveOne(Ceiling));
    }

    [Fact]
    public void ASelectionOfANonLocalAddress_IsRefusedWithoutRemoting()
    {
        Assert.Throws<NotSupportedException>(() => Sys.ActorSelection("akkarpc.tcp://Other@127.0.0.1:4053/user/a"));
    }

    private sealed record SelectAndSend(string Path, string Message);

    private sealed class Selector : ReceiveActor
    {
        public Selector()
        {
            // Forward so the reply goes to the original sender, the test.
            Receive<SelectAndSend>(m => Context.ActorSelection(m.Path).Tell(m.Message, Sender));
        }
    }
}

public sealed class SelectionWildcardCostTests : AkkaRpc.TestKit.TestKit
{
    [Fact]
    public void AWildcardThatWouldBacktrackExponentially_IsMatchedInLinearTime()
    {
        Sys.ActorOf(Props.Create(() => new EchoActor()), new string('a', 40));
        var pattern = "/user/" + string.Concat(Enumerable.Repeat("*a", 12)) + "#";

        // With a backtracking regex this one match took minutes; now the answer (no match) comes at once.
        Sys.ActorSelection(pattern).Tell(new Identify(7), TestActor);

        Assert.Null(ExpectMsg<ActorIdentity>(TimeSpan.FromSeconds(10)).Subject);
    }
}
