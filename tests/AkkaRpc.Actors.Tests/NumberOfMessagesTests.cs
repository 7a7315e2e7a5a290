using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class NumberOfMessagesTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void NumberOfMessages_CountsWhatWaitsBehindTheMessageBeingProcessed_AndFallsAsTheyAreProcessed()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processed = CreateTestProbe();
        var actor = Sys.ActorOf(GatedActor.Props(processed.Ref));
        Assert.Equal(0, actor.NumberOfMessages());

        actor.Tell(new Hold(gate.Task));
        processed.ExpectMsg("held"); // The Hold is being processed, so it is no longer queued.
        for (var i = 0; i < 7; i++)
        {
            actor.Tell(i);
        }

        Assert.Equal(7, actor.NumberOfMessages());

        gate.SetResult();
        processed.ExpectMsg("released");
        for (var i = 0; i < 7; i++)
        {
            processed.ExpectMsg(i);
        }

        Assert.Equal(0, actor.NumberOfMessages());
    }

    [Fact]
    public void NumberOfMessages_OfAStoppedActor_IsZero()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processed = CreateTestProbe();
        var actor = Sys.ActorOf(GatedActor.Props(processed.Ref));
        actor.Tell(new Hold(gate.Task));
        processed.ExpectMsg("held");
        actor.Tell("left behind");
        Watch(actor);

        Sys.Stop(actor);
        gate.SetResult();
        ExpectTerminated(actor);

        Assert.Equal(0, actor.NumberOfMessages());
    }

    [Fact]
    public void NumberOfMessages_OfAReferenceWithoutALocalMailbox_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Sys.DeadLetters.NumberOfMessages());

        Assert.Contains("is not a local actor", error.Message, StringComparison.Ordinal);
        Assert.Contains(Sys.DeadLetters.Path.ToString(), error.Message, StringComparison.Ordinal);
    }
}
