using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class ReceiveAsyncTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void ReceiveAsync_HoldsTheNextMessageUntilItsTaskEnds()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(GatedActor.Props(TestActor));
        actor.Tell(new Hold(gate.Task));
        actor.Tell("next");
        ExpectMsg("held");
        ExpectNoMsg(); // "next" waits while the handler's task is pending.

        gate.SetResult();
        ExpectMsg("released");
        ExpectMsg("next");
    }

    [Fact]
    public void Continuations_SeeTheSenderAndSelfOfTheirOwnMessage()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new SenderReportingActor(gate.Task)));
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        first.Send(actor, "one");
        second.Send(actor, "two"); // Queued behind "one" with another sender while "one" awaits.
        gate.SetResult();

        var reply = first.ExpectMsg<Report>();
        Assert.Equal(("one", first.Ref, actor), (reply.Message, reply.Sender, reply.Self));
        Assert.Equal(actor, first.LastSender);
        reply = second.ExpectMsg<Report>();
        Assert.Equal(("two", second.Ref, actor), (reply.Message, reply.Sender, reply.Self));
    }

    [Fact]
    public void AFaultedTask_FailsTheActor_AndItsSupervisorRestartsIt()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new FailingAsyncActor(TestActor, gate.Task)));
        ExpectMsg("started");
        actor.Tell("count");
        ExpectMsg(1);
        actor.Tell("fail");
        gate.SetException(new InvalidOperationException("async boom"));

        var restarted = ExpectMsg<Exception>();
        Assert.Equal("async boom", restarted.Message);
        actor.Tell("count");
        ExpectMsg(1); // A new instance: the count started again.
    }

    [Fact]
    public void AnExceptionBeforeTheFirstAwait_FailsTheActorToo()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FailingAsyncActor(TestActor, Task.FromException(new InvalidOperationException("sync boom")))));
        ExpectMsg("started");
        actor.Tell("fail");
        Assert.Equal("sync boom", ExpectMsg<Exception>().Message);
    }

    private sealed record Report(string Message, IActorRef Sender, IActorRef Self);

    private sealed class SenderReportingActor : ReceiveActor
    {
        public SenderReportingActor(Task gate)
        {
            ReceiveAsync<string>(async message =>
            {
                await gate;
                await Task.Run(() => { }); // Resume from a pool thread, through the actor's context.
                Sender.Tell(new Report(message, Sender, Self));
            });
        }
    }

    private sealed class FailingAsyncActor : ReceiveActor
    {
        private readonly IActorRef _probe;
        private int _count;

        public FailingAsyncActor(IActorRef probe, Task gate)
        {
            _probe = probe;
            Receive<string>(s => s == "count", _ => _probe.Tell(++_count));
            ReceiveAsync<string>(s => s == "fail", async _ => await gate);
        }

        protected override void PreStart() => _probe.Tell("started");

        protected override void PostRestart(Exception reason) => _probe.Tell(reason);
    }
}
