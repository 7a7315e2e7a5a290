using AkkaRpc.Actors;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class SchedulerTests(ITestOutputHelper output)
    : TestKit.TestKit(new ActorSystemOptions { TimeProvider = new FakeTimeProvider() }, output)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    private FakeTimeProvider Clock => (FakeTimeProvider)Sys.TimeProvider;

    [Fact]
    public void ScheduleTellOnce_DeliversOnceAfterTheDelay()
    {
        var scheduled = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "once", null);
        Clock.Advance(TimeSpan.FromSeconds(1) - Tick);
        ExpectNoMsg();
        Clock.Advance(Tick);
        ExpectMsg("once");
        Assert.True(scheduled.IsCancellationRequested);
        Clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellOnce_UsesTheGivenSender()
    {
        var sender = CreateTestProbe();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "from sender", sender.Ref);
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("from sender");
        Assert.Equal(sender.Ref, LastSender);
    }

    [Fact]
    public void ScheduleTellRepeatedly_DeliversAfterTheInitialDelayAndThenEveryInterval_UntilCancelled()
    {
        var scheduled = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), TestActor, "tick", null);
        Clock.Advance(TimeSpan.FromSeconds(1) - Tick);
        ExpectNoMsg();
        Clock.Advance(Tick);
        ExpectMsg("tick");
        Clock.Advance(TimeSpan.FromMilliseconds(500));
        ExpectMsg("tick");
        Clock.Advance(TimeSpan.FromMilliseconds(500));
        ExpectMsg("tick");

        scheduled.Cancel();
        scheduled.Cancel(); // Idempotent.
        Assert.True(scheduled.IsCancellationRequested);
        Clock.Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg();
    }

    [Fact]
    public void Cancel_BeforeTheDelay_PreventsDelivery()
    {
        var scheduled = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "never", null);
        scheduled.Cancel();
        Clock.Advance(TimeSpan.FromSeconds(2));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellRepeatedly_ANonPositiveInterval_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, TestActor, "x", null));
    }

    [Fact]
    public async Task Schedule_AfterTermination_IsRefused()
    {
        await Sys.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        Assert.Throws<ObjectDisposedException>(() => Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "late", null));
    }
}
