using AkkaRpc.Actors;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class AskTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Ask_ReturnsTheReply()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        Assert.Equal("hi", await echo.Ask<string>("hi", Ceiling));
    }

    [Fact]
    public async Task Ask_AStatusFailureReply_ThrowsItsCause()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        var cause = new InvalidOperationException("no");
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => echo.Ask<string>(new Status.Failure(cause), Ceiling));
        Assert.Same(cause, thrown);
    }

    [Fact]
    public async Task Ask_WithoutAReplyInTime_ThrowsAskTimeoutException()
    {
        var clock = new FakeTimeProvider();
        await using var system = ActorSystem.Create("asktimeout", new ActorSystemOptions { TimeProvider = clock });
        var silent = system.ActorOf(Props.Create(() => new SilentActor()));
        var ask = silent.Ask<string>("anyone?", TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(ask.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(Dilated(Ceiling)));
        Assert.Contains(silent.Path.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithoutTimeout_UsesTheSystemDefault()
    {
        var clock = new FakeTimeProvider();
        await using var system = ActorSystem.Create("askdefault", new ActorSystemOptions { TimeProvider = clock, DefaultAskTimeout = TimeSpan.FromSeconds(2) });
        var ask = system.ActorOf(Props.Create(() => new SilentActor())).Ask<string>("anyone?");
        clock.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(Dilated(Ceiling)));
    }

    [Fact]
    public async Task Ask_Cancelled_ThrowsOperationCanceledException()
    {
        var silent = Sys.ActorOf(Props.Create(() => new SilentActor()));
        using var cts = new CancellationTokenSource();
        var ask = silent.Ask<string>("anyone?", Ceiling, cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask.WaitAsync(Dilated(Ceiling)));
    }

    [Fact]
    public async Task Ask_ToAStoppedActor_FailsFastWithActorNotFound()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        // The timeout is far longer than the ceiling: only failing fast passes.
        var ask = echo.Ask<string>("hello?", TimeSpan.FromMinutes(10));
        await Assert.ThrowsAsync<ActorNotFoundException>(() => ask.WaitAsync(Dilated(Ceiling)));
    }

    [Fact]
    public async Task Ask_ToNobody_FailsWithActorNotFound()
    {
        await Assert.ThrowsAsync<ActorNotFoundException>(() => ActorRefs.Nobody.Ask<string>("hello?", Ceiling));
    }

    [Fact]
    public async Task Ask_AReplyOfTheWrongType_ThrowsInvalidCastException()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        var e = await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<int>("not a number", Ceiling));
        Assert.Contains("Int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OnlyTheFirstReplyCounts()
    {
        var twice = Sys.ActorOf(Props.Create(() => new ReplyTwice()));
        Assert.Equal("first", await twice.Ask<string>("go", Ceiling));
    }

    private sealed class SilentActor : ReceiveActor
    {
        public SilentActor()
        {
            ReceiveAny(_ => { });
        }
    }

    private sealed class ReplyTwice : ReceiveActor
    {
        public ReplyTwice()
        {
            ReceiveAny(_ =>
            {
                Sender.Tell("first");
                Sender.Tell("second");
            });
        }
    }
}
