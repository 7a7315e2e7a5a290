using AkkaRpc.Actors;
using AkkaRpc.TestKit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AkkaRpc.Actors.Tests;

public sealed class TestKitTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task ImplicitSender_IsTheTestActor_InTheTestMethodBeforeAndAfterAwaits()
    {
        // xunit 2.9 builds the class and calls InitializeAsync in the async flow that then runs the test method, so the
        // AsyncLocal the TestKit sets there is visible here.
        Assert.Equal(TestActor, ImplicitSender.Current);
        await Task.Yield();
        Assert.Equal(TestActor, ImplicitSender.Current);
        await Task.Run(() => Assert.Equal(TestActor, ImplicitSender.Current));
    }

    [Fact]
    public void Tell_FromSyncTestMethod_UsesTestActorAsImplicitSender()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        echo.Tell("hello");
        ExpectMsg("hello");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task Tell_AfterAwaitsAndOnThreadPool_StillUsesTestActorAsImplicitSender()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        await Task.Yield();
        await Task.Run(() => echo.Tell("from pool"));
        await ExpectMsgAsync("from pool");
        var thread = new Thread(() => echo.Tell("from thread"));
        thread.Start();
        thread.Join();
        await ExpectMsgAsync("from thread");
    }

    [Fact]
    public void ExpectMsg_Timeout_ThrowsXunitExceptionNamingTypeAndTimeout()
    {
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(20)));
        Assert.IsAssignableFrom<XunitException>(e);
        Assert.Contains("String", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("Timeout (", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_WrongType_ThrowsNamingWhatArrived()
    {
        TestActor.Tell(42, ActorRefs.NoSender);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>());
        Assert.Contains("Int32 42", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_WithPredicateAndEquality_ChecksContent()
    {
        TestActor.Tell(5, ActorRefs.NoSender);
        TestActor.Tell(6, ActorRefs.NoSender);
        TestActor.Tell(7, ActorRefs.NoSender);
        Assert.Equal(5, ExpectMsg<int>(i => i == 5));
        Assert.Throws<TestKitAssertionException>(() => ExpectMsg<int>(i => i == 5));
        Assert.Throws<TestKitAssertionException>(() => ExpectMsg(8));
    }

    [Fact]
    public void ExpectNoMsg_WhenAMessageArrives_Throws()
    {
        ExpectNoMsg(TimeSpan.FromMilliseconds(20));
        TestActor.Tell("unexpected", ActorRefs.NoSender);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectNoMsg());
        Assert.Contains("unexpected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FishForMessage_SkipsNonMatchingMessages()
    {
        var probe = CreateTestProbe();
        foreach (var i in Enumerable.Range(1, 5))
        {
            probe.Ref.Tell(i, ActorRefs.NoSender);
        }

        Assert.Equal(4, probe.FishForMessage<int>(i => i == 4));
        Assert.Equal(5, probe.ExpectMsg<int>());
    }

    [Fact]
    public void ReceiveN_ReturnsMessagesInOrder_AndFailsWhenTooFew()
    {
        TestActor.Tell("a", ActorRefs.NoSender);
        TestActor.Tell("b", ActorRefs.NoSender);
        Assert.Equal(["a", "b"], ReceiveN(2));
        TestActor.Tell("c", ActorRefs.NoSender);
        Assert.Throws<TestKitAssertionException>(() => ReceiveN(2, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void Within_NestedBlock_NarrowsRemainingTime()
    {
        Within(TimeSpan.FromSeconds(10), () =>
        {
            Assert.InRange(Remaining, TimeSpan.FromSeconds(1), Dilated(TimeSpan.FromSeconds(10)));
            Within(TimeSpan.FromMilliseconds(200), () =>
            {
                Assert.True(Remaining <= Dilated(TimeSpan.FromMilliseconds(200)));
                Assert.True(RemainingOrDefault <= Dilated(TimeSpan.FromMilliseconds(200)));

                // No explicit duration: waits only for what the inner block has left, not the outer 10 s.
                ExpectNoMsg();
            });
            Assert.True(Remaining > Dilated(TimeSpan.FromSeconds(5)), "the outer block keeps its own deadline");
        });
    }

    [Fact]
    public void Within_BlockSlowerThanMax_Throws()
    {
        var e = Assert.Throws<TestKitAssertionException>(() => Within(TimeSpan.FromMilliseconds(1), () =>
        {
            // Waiting with an explicit ceiling that outlasts the block overruns it.
            Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(100)));
        }));
        Assert.Contains("more than its limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAsync_BoundsTheDefaultTimeoutOfAsyncExpectations()
    {
        await WithinAsync(TimeSpan.FromSeconds(5), async () =>
        {
            TestActor.Tell("in time", ActorRefs.NoSender);
            await ExpectMsgAsync("in time");
            Assert.True(RemainingOrDefault <= Dilated(TimeSpan.FromSeconds(5)));
        });
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => WithinAsync(TimeSpan.FromMilliseconds(50), () => ExpectMsgAsync<string>()));
        Assert.StartsWith("Timeout (", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_BlockFasterThanMin_Throws()
    {
        Assert.Throws<TestKitAssertionException>(() => Within(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), () => { }));
    }

    [Fact]
    public void Remaining_OutsideWithin_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Remaining);
        Assert.Equal(Dilated(TestKitSettings.DefaultExpectTimeout), RemainingOrDefault);
    }

    [Fact]
    public void Dilated_ScalesByTheTimeFactor()
    {
        Assert.Equal(TimeSpan.FromTicks((long)(TimeSpan.FromSeconds(2).Ticks * TestKitSettings.TimeFactor)), Dilated(TimeSpan.FromSeconds(2)));
        Assert.Equal(Timeout.InfiniteTimeSpan, Dilated(Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task AwaitAssert_RetriesUntilTheAssertionHolds()
    {
        var counter = Sys.ActorOf(Props.Create(() => new CountingActor()));
        foreach (var _ in Enumerable.Range(0, 10))
        {
            counter.Tell("tick");
        }

        await AwaitAssertAsync(async () => Assert.Equal(10, await counter.Ask<int>("count", TimeSpan.FromSeconds(1))));
        var e = Assert.Throws<TestKitAssertionException>(() => AwaitAssert(() => Assert.Fail("never"), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(10)));
        Assert.IsType<FailException>(e.InnerException);
    }

    [Fact]
    public async Task AwaitCondition_TimesOutWithTheGivenMessage()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => AwaitConditionAsync(() => false, TimeSpan.FromMilliseconds(50), message: "the moon"));
        Assert.Contains("the moon", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_ReplyAndForward_UseLastSender()
    {
        var probe = CreateTestProbe("p");
        var other = CreateTestProbe();
        probe.Send(other.Ref, "question");
        other.ExpectMsg("question");
        Assert.Equal(probe.Ref, other.LastSender);
        other.Reply("answer");
        probe.ExpectMsg("answer");
        Assert.Equal(other.Ref, probe.LastSender);

        // Forward keeps the original sender (other), not the forwarding probe.
        probe.Forward(TestActor);
        ExpectMsg("answer");
        Assert.Equal(other.Ref, LastSender);
    }

    [Fact]
    public async Task Probe_AnsweringAnAsk_CompletesIt()
    {
        var probe = CreateTestProbe();
        var answer = probe.Ref.Ask<string>("q", TimeSpan.FromSeconds(5));
        probe.ExpectMsg("q");
        probe.Reply("a");
        Assert.Equal("a", await answer);
    }

    [Fact]
    public void Probe_Watch_ReceivesTerminated_AndUnwatchDropsAQueuedOne()
    {
        var probe = CreateTestProbe();
        var a = Sys.ActorOf(EchoActor.Props());
        probe.Watch(a);
        Sys.Stop(a);
        probe.ExpectTerminated(a);

        var b = Sys.ActorOf(EchoActor.Props());
        probe.Watch(b);
        Sys.Stop(b);

        // Let the Terminated land in the probe's queue (a second watcher proves the stop has completed), then unwatch.
        Watch(b);
        ExpectTerminated(b);
        probe.Unwatch(b);
        probe.ExpectNoMsg();
    }

    [Fact]
    public void ExpectTerminated_OfAnotherActor_Throws()
    {
        var a = Sys.ActorOf(EchoActor.Props());
        var b = Sys.ActorOf(EchoActor.Props());
        Watch(a);
        Sys.Stop(a);
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectTerminated(b));
        Assert.Contains(b.Path.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LastSender_BeforeAnyMessage_IsDeadLetters()
    {
        Assert.Equal(Sys.DeadLetters, CreateTestProbe().LastSender);
        Assert.Null(CreateTestProbe().LastMessage);
    }

    [Fact]
    public async Task Probe_ReplyingStatusFailure_FailsTheAsk()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<string>("q", TimeSpan.FromSeconds(5));
        await probe.ExpectMsgAsync("q");
        probe.Reply(new Status.Failure(new TimeoutException("told to fail")));
        await Assert.ThrowsAsync<TimeoutException>(() => ask);
    }

    [Fact]
    public void Probe_WatchingADeadActor_ReceivesTerminatedAtOnce()
    {
        var a = Sys.ActorOf(EchoActor.Props());
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        var late = CreateTestProbe();
        late.Watch(a);
        late.ExpectTerminated(a);
    }

    [Fact]
    public void Probe_ATerminatedSentAsAnOrdinaryMessage_IsDeliveredLikeAnyOther()
    {
        var terminated = new Terminated(TestActor, true, false);
        var probe = CreateTestProbe();
        probe.Ref.Tell(terminated, ActorRefs.NoSender);
        Assert.Same(terminated, probe.ExpectMsg<Terminated>());
    }

    [Fact]
    public void CreateTestProbe_ProbesAreIndependent()
    {
        var p1 = CreateTestProbe();
        var p2 = CreateTestProbe();
        Assert.NotEqual(p1.Ref, p2.Ref);
        p1.Ref.Tell("one");
        p2.ExpectNoMsg(TimeSpan.FromMilliseconds(20));
        p1.ExpectMsg("one");
        Assert.Equal(TestActor, p1.LastSender);
    }

    private sealed class CountingActor : ReceiveActor
    {
        private int _count;

        public CountingActor()
        {
            Receive<string>(s => s == "tick", _ => _count++);
            Receive<string>(s => s == "count", _ => Sender.Tell(_count));
        }
    }
}
