using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class DeathWatchTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void Stop_DeliversTerminatedToTheWatcher()
    {
        var target = Sys.ActorOf(EchoActor.Props());
        Watch(target);
        Sys.Stop(target);
        var terminated = ExpectTerminated(target);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void PoisonPill_StopsAfterTheMessagesQueuedBeforeIt_AndDeliversTerminated()
    {
        var target = Sys.ActorOf(EchoActor.Props());
        Watch(target);
        target.Tell("before");
        target.Tell(PoisonPill.Instance);
        ExpectMsg("before");
        ExpectTerminated(target);
    }

    [Fact]
    public void AFailureThatStopsTheActor_DeliversTerminated()
    {
        var target = Sys.ActorOf(EchoActor.Props());
        Watch(target);
        target.Tell(Kill.Instance);
        ExpectTerminated(target);
    }

    [Fact]
    public void WatchingAnAlreadyDeadActor_StillDeliversTerminated()
    {
        var target = Sys.ActorOf(EchoActor.Props());
        var first = CreateTestProbe();
        first.Watch(target);
        Sys.Stop(target);
        first.ExpectTerminated(target);

        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(target);
        ExpectMsg("watching");
        Assert.Equal(target, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void AnActorWatcher_ReceivesTerminatedAsAMessage()
    {
        var target = Sys.ActorOf(EchoActor.Props());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(target);
        ExpectMsg("watching");
        Sys.Stop(target);
        Assert.Equal(target, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public async Task Unwatch_DropsATerminatedThatIsAlreadyQueued()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var target = Sys.ActorOf(EchoActor.Props());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(target);
        ExpectMsg("watching");
        watcher.Tell(new HoldThenUnwatch(gate.Task, target));
        ExpectMsg("held");

        Sys.Stop(target);

        // While the watcher is held, its death-watch notification (a system message) still runs and queues the
        // Terminated as a user message; wait until it is sitting in the mailbox, then let the handler unwatch.
        var mailbox = ((LocalActorRef)watcher).Cell.Mailbox;
        await AwaitConditionAsync(() => mailbox.Count == 1, message: "the Terminated to be queued");
        watcher.Tell("ping");
        gate.SetResult();

        ExpectMsg("unwatched");
        ExpectMsg("ping"); // And no Terminated before or after it.
        ExpectNoMsg();
    }

    [Fact]
    public void AnUnhandledTerminated_FailsTheWatcherWithDeathPact_AndTheDefaultStrategyStopsIt()
    {
        var target = Sys.ActorOf(EchoActor.Props());
        var watcher = Sys.ActorOf(Props.Create(() => new CarelessWatcher(TestActor)));
        watcher.Tell(target);
        ExpectMsg("watching");
        Watch(watcher);
        Sys.Stop(target);
        ExpectTerminated(watcher);
    }

    [Fact]
    public void AParentWatchingItsChild_ReceivesTerminated()
    {
        var parent = Sys.ActorOf(Props.Create(() => new WatchingParent(TestActor)));
        var child = ExpectMsg<IActorRef>();
        child.Tell(PoisonPill.Instance);
        Assert.Equal(child, ExpectMsg<Terminated>().ActorRef);
        parent.Tell("children?");
        ExpectMsg(0);
    }

    [Fact]
    public void Terminated_ArrivesAfterTheLastMessageTheDeadActorSent()
    {
        var target = Sys.ActorOf(Props.Create(() => new LastWords(TestActor)));
        Watch(target);
        target.Tell("speak");
        ExpectMsg("last words");
        ExpectTerminated(target);
    }

    [Fact]
    public void WatchingNobody_DeliversTerminatedAtOnce()
    {
        Watch(ActorRefs.Nobody);
        Assert.False(ExpectTerminated(ActorRefs.Nobody).ExistenceConfirmed);
    }

    private sealed record HoldThenUnwatch(Task Gate, IActorRef Target);

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<IActorRef>(target =>
            {
                Context.Watch(target);
                probe.Tell("watching");
            });
            Receive<Terminated>(t => probe.Tell(t));
            ReceiveAsync<HoldThenUnwatch>(async hold =>
            {
                probe.Tell("held");
                await hold.Gate;
                Context.Unwatch(hold.Target);
                probe.Tell("unwatched");
            });
            Receive<string>(s => probe.Tell(s));
        }
    }

    private sealed class LastWords : ReceiveActor
    {
        public LastWords(IActorRef probe)
        {
            Receive<string>(_ =>
            {
                probe.Tell("last words");
                Context.Stop(Self);
            });
        }
    }

    private sealed class CarelessWatcher : ReceiveActor
    {
        public CarelessWatcher(IActorRef probe)
        {
            Receive<IActorRef>(target =>
            {
                Context.Watch(target);
                probe.Tell("watching");
            });
        }
    }

    private sealed class WatchingParent : ReceiveActor
    {
        public WatchingParent(IActorRef probe)
        {
            Receive<Terminated>(t => probe.Tell(t));
            Receive<string>(_ => Sender.Tell(Context.GetChildren().Count));
            probe.Tell(Context.Watch(Context.ActorOf(EchoActor.Props(), "child")));
        }
    }
}
