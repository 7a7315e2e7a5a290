using System.Runtime.CompilerServices;
using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class RestartTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void Restart_MakesANewInstance_CallingPreRestartWithCauseAndMessage_AndPostRestartWithCause()
    {
        var child = CreateChildUnder(new OneForOneStrategy(_ => Directive.Restart));
        child.Tell("inc");
        var failure = new InvalidOperationException("restart me");
        child.Tell(failure);

        var pre = ExpectMsg<Lifecycle>(l => l.Event == "preRestart");
        Assert.Same(failure, pre.Cause);
        Assert.Same(failure, pre.Message);
        Assert.Equal(1, pre.Incarnation);
        var post = ExpectMsg<Lifecycle>(l => l.Event == "postRestart");
        Assert.Same(failure, post.Cause);
        Assert.Equal(2, post.Incarnation);

        child.Tell("get");
        ExpectMsg(0); // State reset.
    }

    [Fact]
    public void Restart_KeepsTheMailbox_AndDoesNotRedeliverTheFailingMessage()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var supervisor = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Restart)));
        var incarnations = new StrongBox<int>();
        supervisor.Tell(new CreateChild(Props.Create(() => new GatedLifecycle(TestActor, incarnations)), "gated"));
        // The supervisor's reply and the child's PreStart come from different senders, so in either order.
        var started = ReceiveN(2);
        var child = started.OfType<IActorRef>().Single();
        Assert.Contains("preStart 1", started);

        child.Tell(new Hold(gate.Task));
        ExpectMsg("held 1");

        // Everything below queues while the instance is held.
        child.Tell(new InvalidOperationException("boom"));
        child.Tell("m1");
        child.Tell("m2");
        child.Tell("m3");
        gate.SetResult();

        ExpectMsg("released 1");
        ExpectMsg("postRestart 2 boom");
        ExpectMsg("m1 by 2");
        ExpectMsg("m2 by 2");
        ExpectMsg("m3 by 2");
        ExpectNoMsg(); // The failing message was not retried (it would have made a third instance).
    }

    [Fact]
    public void Restart_StopsTheOldChildrenFirst_SoTheNewInstanceCanRecreateThemUnderTheSameNames()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentWithChild(TestActor)));
        var first = ExpectMsg<IActorRef>();
        Watch(first);
        parent.Tell(new InvalidOperationException("restart the parent"));
        ExpectTerminated(first);
        var second = ExpectMsg<IActorRef>();
        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second); // Another incarnation.
    }

    [Fact]
    public void Restart_WhenTheNewInstanceCannotBeCreated_TheDefaultStrategyStopsIt()
    {
        var incarnations = new StrongBox<int>();
        var actor = Sys.ActorOf(Props.Create(() => new FailsOnSecondConstruction(incarnations)));
        Watch(actor);
        actor.Tell(new InvalidOperationException("restart"));
        ExpectTerminated(actor);
        Assert.Equal(2, incarnations.Value);
    }

    [Fact]
    public void Escalate_ThenGrandparentResumesTheParent_TheFailedChildWorksAgain()
    {
        var grandparent = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Resume)));
        var child = CreateEscalatingParentWithChild(grandparent, out _);
        child.Tell("inc");
        child.Tell(new InvalidOperationException("escalate"));
        child.Tell("inc");
        child.Tell("get");
        ExpectMsg(2); // The child kept its state and was not left suspended.
    }

    [Fact]
    public void Escalate_ThenGrandparentRestartsAParentThatKeepsItsChildren_TheFailedChildIsRestarted()
    {
        var grandparent = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Restart)));
        var child = CreateEscalatingParentWithChild(grandparent, out var parentProbe, keepChildren: true);
        child.Tell("inc");
        var failure = new InvalidOperationException("escalate");
        child.Tell(failure);
        parentProbe.ExpectMsg("parent restarted");
        var pre = ExpectMsg<Lifecycle>(l => l.Event == "preRestart");
        Assert.Same(failure, pre.Cause);
        Assert.Same(failure, pre.Message); // The message it failed on, as when its own supervisor restarts it.
        Assert.Same(failure, ExpectMsg<Lifecycle>(l => l.Event == "postRestart").Cause);
        child.Tell("get");
        ExpectMsg(0);
    }

    [Fact]
    public void Escalate_ThenGrandparentRestartsAParentThatKeepsItsChildren_SiblingsKeepWorking()
    {
        var grandparent = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Restart)));
        var child = CreateEscalatingParentWithChild(grandparent, out var parentProbe, keepChildren: true);
        var parent = parentProbe.LastSender;
        parent.Tell(new CreateChild(EchoActor.Props(), "sibling"));
        var sibling = ExpectMsg<IActorRef>();
        child.Tell(new InvalidOperationException("escalate"));
        parentProbe.ExpectMsg("parent restarted");
        var client = CreateTestProbe();
        client.Send(sibling, "still there?");
        client.ExpectMsg("still there?");
    }

    private IActorRef CreateChildUnder(SupervisorStrategy strategy)
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(strategy));
        supervisor.Tell(new CreateChild(LifecycleActor.Props(TestActor), "child"));

        // The supervisor's reply and the child's PreStart come from different senders, so in either order.
        var messages = ReceiveN(2);
        Assert.Single(messages.OfType<Lifecycle>(), l => l.Event == "preStart");
        return messages.OfType<IActorRef>().Single();
    }

    private IActorRef CreateEscalatingParentWithChild(IActorRef grandparent, out TestKit.TestProbe parentProbe, bool keepChildren = false)
    {
        parentProbe = CreateTestProbe();
        var probe = parentProbe.Ref;
        grandparent.Tell(new CreateChild(
            Props.Create(() => new KeepingSupervisor(probe, keepChildren)).WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Escalate)),
            "parent"));
        var parent = ExpectMsg<IActorRef>();
        parentProbe.Send(parent, new CreateChild(LifecycleActor.Props(TestActor), "child"));
        var child = parentProbe.ExpectMsg<IActorRef>();
        ExpectMsg<Lifecycle>(l => l.Event == "preStart");
        return child;
    }

    /// <summary>A supervisor that may keep its children across its own restart (overriding PreRestart), and reports restarts.</summary>
    private sealed class KeepingSupervisor : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly bool _keepChildren;

        public KeepingSupervisor(IActorRef probe, bool keepChildren)
        {
            _probe = probe;
            _keepChildren = keepChildren;
            Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            if (!_keepChildren)
            {
                base.PreRestart(reason, message);
            }
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("parent restarted");
    }

    private sealed class ParentWithChild : ReceiveActor
    {
        public ParentWithChild(IActorRef probe)
        {
            Receive<Exception>(e => throw e);
            probe.Tell(Context.ActorOf(EchoActor.Props(), "child"));
        }
    }

    private sealed class FailsOnSecondConstruction : ReceiveActor
    {
        public FailsOnSecondConstruction(StrongBox<int> incarnations)
        {
            if (Interlocked.Increment(ref incarnations.Value) > 1)
            {
                throw new InvalidOperationException("cannot come back");
            }

            Receive<Exception>(e => throw e);
        }
    }

    /// <summary>Reports with its incarnation number, so a test can see which instance processed what.</summary>
    private sealed class GatedLifecycle : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly int _incarnation;

        public GatedLifecycle(IActorRef probe, StrongBox<int> incarnations)
        {
            _probe = probe;
            _incarnation = Interlocked.Increment(ref incarnations.Value);
            ReceiveAsync<Hold>(async hold =>
            {
                _probe.Tell($"held {_incarnation}");
                await hold.Gate;
                _probe.Tell($"released {_incarnation}");
            });
            Receive<Exception>(e => throw e);
            Receive<string>(s => _probe.Tell($"{s} by {_incarnation}"));
        }

        protected override void PreStart() => _probe.Tell($"preStart {_incarnation}");

        protected override void PostRestart(Exception reason) => _probe.Tell($"postRestart {_incarnation} {reason.Message}");
    }
}
