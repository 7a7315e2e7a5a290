using Akka.Actor;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class OwnerMessageQueueTests : AkkaRpcTestKit
{
    [Fact]
    public void ARequestBeyondTheCapacity_IsAnsweredOverloadedFromTheOwner_AndNeverQueued()
    {
        var owner = CreateTestProbe().Ref;
        var client = CreateTestProbe();
        var queue = new OwnerMessageQueue(owner);
        queue.Bind("orders", 2);

        queue.Enqueue(owner, new Envelope(new Ping(), client.Ref));
        queue.Enqueue(owner, new Envelope(new Ping(), client.Ref));
        queue.Enqueue(owner, new Envelope(new Execute("SELECT 1"), client.Ref));

        Assert.Equal(new Overloaded("orders", 2), client.ExpectMsg<Overloaded>());
        Assert.Equal(owner, client.LastSender);
        Assert.Equal((2, 2), (queue.Count, queue.Requests));
    }

    [Fact]
    public void MessagesThatAreNotRequests_AlwaysGetIn_SoAFullOwnerStillSeesItsTimersAndItsSupervisor()
    {
        var owner = CreateTestProbe().Ref;
        var queue = new OwnerMessageQueue(owner);
        queue.Bind("orders", 1);
        queue.Enqueue(owner, new Envelope(new Ping(), TestActor));

        queue.Enqueue(owner, new Envelope(PoisonPill.Instance, TestActor));
        queue.Enqueue(owner, new Envelope("a timer", TestActor));

        Assert.Equal((3, 1), (queue.Count, queue.Requests));
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void TakingARequest_FreesItsPlace_AndUnstashedOnesGoFirst()
    {
        var owner = CreateTestProbe().Ref;
        var queue = new OwnerMessageQueue(owner);
        queue.Bind("orders", 1);
        queue.Enqueue(owner, new Envelope(new Ping(), TestActor));
        Assert.True(queue.TryDequeue(out var taken));
        Assert.IsType<Ping>(taken.Message);

        queue.Enqueue(owner, new Envelope(new TargetDatabase(), TestActor));
        queue.EnqueueFirst(taken);

        // An unstashed request was accepted once already, so it goes back in front even over the bound.
        Assert.Equal(2, queue.Requests);
        Assert.True(queue.TryDequeue(out var first));
        Assert.IsType<Ping>(first.Message);
        Assert.True(queue.TryDequeue(out var second));
        Assert.IsType<TargetDatabase>(second.Message);
        Assert.False(queue.TryDequeue(out _));
        Assert.Equal((0, 0), (queue.Count, queue.Requests));
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void BeforeTheOwnerBindsIt_TheQueueIsUnbounded()
    {
        var owner = CreateTestProbe().Ref;
        var queue = new OwnerMessageQueue(owner);
        for (var i = 0; i < 10_000; i++)
        {
            queue.Enqueue(owner, new Envelope(new Ping(), TestActor));
        }

        Assert.Equal(10_000, queue.Requests);
        ExpectNoMsg(TimeSpan.Zero);
    }
}
