using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class DeadLetterTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void AMessageToAStoppedActor_IsCountedAndPublishedAsDeadLetter()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters.Ref, typeof(DeadLetter));
        var target = Sys.ActorOf(EchoActor.Props());
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);

        var before = Sys.DeadLetterCount;
        target.Tell("too late");
        var letter = letters.ExpectMsg<DeadLetter>();
        Assert.Equal("too late", letter.Message);
        Assert.Equal(TestActor, letter.Sender);
        Assert.Equal(target, letter.Recipient);
        Assert.Equal(before + 1, Sys.DeadLetterCount);
    }

    [Fact]
    public void AnUnhandledMessage_IsPublishedAsUnhandledMessage()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters.Ref, typeof(UnhandledMessage));
        var ints = Sys.ActorOf(Props.Create(() => new IntsOnly()));
        var before = Sys.DeadLetterCount;
        ints.Tell("not an int");
        var unhandled = letters.ExpectMsg<UnhandledMessage>();
        Assert.Equal("not an int", unhandled.Message);
        Assert.Equal(ints, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
        Assert.Equal(before + 1, Sys.DeadLetterCount);
    }

    [Fact]
    public void SubscribingToAllDeadLetters_SeesBothKinds()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters.Ref, typeof(AllDeadLetters));
        Sys.ActorOf(Props.Create(() => new IntsOnly())).Tell("x");
        letters.ExpectMsg<UnhandledMessage>();
        Sys.DeadLetters.Tell("y");
        Assert.Equal("y", letters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void MessagesStillQueuedWhenAnActorStops_AllBecomeDeadLetters()
    {
        const int queued = 100;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters.Ref, typeof(DeadLetter));
        var target = Sys.ActorOf(GatedActor.Props(TestActor));
        target.Tell(new Hold(gate.Task));
        ExpectMsg("held");
        for (var i = 0; i < queued; i++)
        {
            target.Tell(i);
        }

        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);
        gate.SetResult();

        var lost = letters.ReceiveN(queued).Cast<DeadLetter>().Select(d => (int)d.Message);
        Assert.Equal(Enumerable.Range(0, queued), lost);
        letters.ExpectNoMsg();
        ExpectNoMsg(); // None of them was processed, not even after the gate opened.
    }

    [Fact]
    public void EventStream_Unsubscribe_StopsDelivery()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters.Ref, typeof(DeadLetter));
        Sys.EventStream.Unsubscribe(letters.Ref);
        Sys.DeadLetters.Tell("nobody listens");
        letters.ExpectNoMsg();
    }

    [Fact]
    public void ASubscriberThatStopped_DoesNotMakeDeadLettersLoop()
    {
        var subscriber = Sys.ActorOf(EchoActor.Props());
        Sys.EventStream.Subscribe(subscriber, typeof(AllDeadLetters));
        Watch(subscriber);
        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);

        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters.Ref, typeof(DeadLetter));
        var before = Sys.DeadLetterCount;
        Sys.DeadLetters.Tell("one undeliverable message");

        // Exactly one dead letter: the event that could not reach the stopped subscriber is not itself republished.
        Assert.Equal("one undeliverable message", letters.ExpectMsg<DeadLetter>().Message);
        letters.ExpectNoMsg();
        Assert.Equal(before + 1, Sys.DeadLetterCount);
    }

    private sealed class IntsOnly : ReceiveActor
    {
        public IntsOnly()
        {
            Receive<int>(_ => { });
        }
    }
}
