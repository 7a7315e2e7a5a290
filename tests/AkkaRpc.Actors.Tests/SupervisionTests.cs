using AkkaRpc.Actors;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class SupervisionTests(ITestOutputHelper output)
    : TestKit.TestKit(new ActorSystemOptions { TimeProvider = new FakeTimeProvider() }, output)
{
    private FakeTimeProvider Clock => (FakeTimeProvider)Sys.TimeProvider;

    [Fact]
    public void Resume_KeepsTheInstanceAndItsState()
    {
        var child = CreateChildUnder(new OneForOneStrategy(_ => Directive.Resume));
        child.Tell("inc");
        child.Tell("inc");
        child.Tell(new InvalidOperationException("resume me"));
        child.Tell("get");
        ExpectMsg(2);
        ExpectNoMsg(); // No restart hooks ran.
    }

    [Fact]
    public void Stop_StopsTheChild()
    {
        var child = CreateChildUnder(new OneForOneStrategy(_ => Directive.Stop));
        Watch(child);
        child.Tell(new InvalidOperationException("stop me"));
        ExpectMsg<Lifecycle>(l => l.Event == "postStop");
        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_FailsTheParent_AndTheGrandparentDecides()
    {
        var decisions = CreateTestProbe();
        var grandparent = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(cause =>
        {
            decisions.Ref.Tell(cause, ActorRefs.NoSender);
            return Directive.Stop;
        })));
        grandparent.Tell(new CreateChild(Supervisor.Props(new OneForOneStrategy(_ => Directive.Escalate)), "parent"));
        var parent = ExpectMsg<IActorRef>();
        parent.Tell(new CreateChild(LifecycleActor.Props(TestActor), "child"));
        var child = ExpectChildAndItsPreStart();
        Watch(parent);

        var failure = new InvalidOperationException("escalate me");
        child.Tell(failure);

        Assert.Same(failure, decisions.ExpectMsg<Exception>());
        ExpectMsg<Lifecycle>(l => l.Event == "postStop"); // The child stops before its parent.
        ExpectTerminated(parent);
    }

    [Fact]
    public void RetryLimit_WithoutWindow_StopsTheChildOnTheThirdFailure()
    {
        var child = CreateChildUnder(new OneForOneStrategy(2, Timeout.InfiniteTimeSpan, _ => Directive.Restart));
        Watch(child);
        for (var i = 1; i <= 2; i++)
        {
            child.Tell(new InvalidOperationException($"failure {i}"));
            ExpectMsg<Lifecycle>(l => l.Event == "preRestart");
            Assert.Equal(i + 1, ExpectMsg<Lifecycle>(l => l.Event == "postRestart").Incarnation);
        }

        child.Tell(new InvalidOperationException("failure 3"));
        ExpectMsg<Lifecycle>(l => l.Event == "postStop");
        ExpectTerminated(child);
    }

    [Fact]
    public void RetryLimit_CountsOnlyFailuresWithinTheWindow()
    {
        var child = CreateChildUnder(new OneForOneStrategy(2, TimeSpan.FromSeconds(10), _ => Directive.Restart));
        Watch(child);
        FailAndExpectRestart(child);
        FailAndExpectRestart(child);

        // The window has passed: the count starts again.
        Clock.Advance(TimeSpan.FromSeconds(11));
        FailAndExpectRestart(child);
        Clock.Advance(TimeSpan.FromSeconds(5));
        FailAndExpectRestart(child);

        // Third failure within 10 s of the window's start.
        child.Tell(new InvalidOperationException("one too many"));
        ExpectMsg<Lifecycle>(l => l.Event == "postStop");
        ExpectTerminated(child);
    }

    [Fact]
    public void AllForOne_RestartsTheSiblingsToo()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(new AllForOneStrategy(_ => Directive.Restart)));
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        supervisor.Tell(new CreateChild(LifecycleActor.Props(first.Ref, "first"), "first"));
        var failing = ExpectMsg<IActorRef>();
        supervisor.Tell(new CreateChild(LifecycleActor.Props(second.Ref, "second"), "second"));
        var sibling = ExpectMsg<IActorRef>();
        first.ExpectMsg<Lifecycle>(l => l.Event == "preStart");
        second.ExpectMsg<Lifecycle>(l => l.Event == "preStart");
        sibling.Tell("inc");

        var failure = new InvalidOperationException("all for one");
        failing.Tell(failure);

        Assert.Same(failure, first.ExpectMsg<Lifecycle>(l => l.Event == "preRestart").Cause);
        Assert.Equal(2, first.ExpectMsg<Lifecycle>(l => l.Event == "postRestart").Incarnation);
        var siblingPre = second.ExpectMsg<Lifecycle>(l => l.Event == "preRestart");
        Assert.Same(failure, siblingPre.Cause);
        Assert.Null(siblingPre.Message); // The sibling did not fail on any message of its own.
        Assert.Equal(2, second.ExpectMsg<Lifecycle>(l => l.Event == "postRestart").Incarnation);
        sibling.Tell("get");
        ExpectMsg(0);
    }

    [Fact]
    public void AllForOne_Stop_StopsAllChildren()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(new AllForOneStrategy(_ => Directive.Stop)));
        var lifecycle = CreateTestProbe();
        supervisor.Tell(new CreateChild(LifecycleActor.Props(lifecycle.Ref, "a"), "a"));
        var a = ExpectMsg<IActorRef>();
        supervisor.Tell(new CreateChild(LifecycleActor.Props(lifecycle.Ref, "b"), "b"));
        var b = ExpectMsg<IActorRef>();
        var watcher = CreateTestProbe();
        watcher.Watch(a);
        watcher.Watch(b);
        a.Tell(new InvalidOperationException("stop all"));
        var stopped = new[] { watcher.ExpectMsg<Terminated>().ActorRef, watcher.ExpectMsg<Terminated>().ActorRef };
        Assert.Equal(new[] { a, b }.OrderBy(r => r.Path.Name), stopped.OrderBy(r => r.Path.Name));
    }

    [Fact]
    public void AllForOne_Resume_AppliesToTheFailedChildOnly()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(new AllForOneStrategy(_ => Directive.Resume)));
        var lifecycle = CreateTestProbe();
        supervisor.Tell(new CreateChild(LifecycleActor.Props(lifecycle.Ref, "a"), "a"));
        var a = ExpectMsg<IActorRef>();
        supervisor.Tell(new CreateChild(LifecycleActor.Props(lifecycle.Ref, "b"), "b"));
        var b = ExpectMsg<IActorRef>();
        a.Tell("inc");
        b.Tell("inc");
        a.Tell(new InvalidOperationException("resume"));
        a.Tell("get");
        ExpectMsg(1);
        b.Tell("get");
        ExpectMsg(1);
        lifecycle.ReceiveN(2); // The two preStarts, and nothing else: no restarts.
        lifecycle.ExpectNoMsg();
    }

    [Fact]
    public void DefaultDecider_FollowsAkka()
    {
        var decide = SupervisorStrategy.DefaultDecider;
        Assert.Equal(Directive.Stop, decide(new ActorInitializationException("x")));
        Assert.Equal(Directive.Stop, decide(new ActorKilledException()));
        Assert.Equal(Directive.Stop, decide(new DeathPactException(TestActor)));
        Assert.Equal(Directive.Restart, decide(new InvalidOperationException()));
    }

    [Fact]
    public void DefaultStrategy_AThrowingConstructor_StopsTheActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThrowingConstructorActor()));
        Watch(actor);
        ExpectTerminated(actor);
    }

    [Fact]
    public void DefaultStrategy_Kill_StopsTheActor()
    {
        var actor = Sys.ActorOf(LifecycleActor.Props(TestActor));
        ExpectMsg<Lifecycle>(l => l.Event == "preStart");
        Watch(actor);
        actor.Tell(Kill.Instance);
        ExpectMsg<Lifecycle>(l => l.Event == "postStop");
        ExpectTerminated(actor);
    }

    [Fact]
    public void DefaultStrategy_AnOrdinaryException_RestartsTheActor()
    {
        var actor = Sys.ActorOf(LifecycleActor.Props(TestActor));
        ExpectMsg<Lifecycle>(l => l.Event == "preStart");
        actor.Tell(new InvalidOperationException("restart"));
        ExpectMsg<Lifecycle>(l => l.Event == "preRestart");
        ExpectMsg<Lifecycle>(l => l.Event == "postRestart");
    }

    [Fact]
    public void AFailingChild_NeverStopsItsParentSilently()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(SupervisorStrategy.DefaultStrategy));
        supervisor.Tell(new CreateChild(LifecycleActor.Props(TestActor), "child"));
        var child = ExpectChildAndItsPreStart();
        child.Tell(Kill.Instance);
        ExpectMsg<Lifecycle>(l => l.Event == "postStop");

        // The parent still works.
        supervisor.Tell(new CreateChild(EchoActor.Props(), "again"));
        ExpectMsg<IActorRef>();
    }

    private IActorRef CreateChildUnder(SupervisorStrategy strategy)
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(strategy));
        supervisor.Tell(new CreateChild(LifecycleActor.Props(TestActor), "child"));
        var child = ExpectChildAndItsPreStart();
        return child;
    }

    /// <summary>The supervisor's reply and the child's PreStart come from different senders, so they may arrive in either order.</summary>
    private IActorRef ExpectChildAndItsPreStart()
    {
        var messages = ReceiveN(2);
        Assert.Single(messages.OfType<Lifecycle>(), l => l.Event == "preStart");
        return messages.OfType<IActorRef>().Single();
    }

    private void FailAndExpectRestart(IActorRef child)
    {
        child.Tell(new InvalidOperationException("failure"));
        ExpectMsg<Lifecycle>(l => l.Event == "preRestart");
        ExpectMsg<Lifecycle>(l => l.Event == "postRestart");
    }

    private sealed class ThrowingConstructorActor : ReceiveActor
    {
        public ThrowingConstructorActor() => throw new InvalidOperationException("cannot construct");
    }
}
