using AkkaRpc.Actors;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class BackoffTests(ITestOutputHelper output)
    : TestKit.TestKit(new ActorSystemOptions { TimeProvider = new FakeTimeProvider() }, output)
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    private FakeTimeProvider Clock => (FakeTimeProvider)Sys.TimeProvider;

    [Fact]
    public async Task OnFailure_RestartDelaysDouble_UpToTheMaximum_AndNotBefore()
    {
        var supervisor = StartSupervisor(Backoff.OnFailure(FlakyChild.Props(TestActor), "flaky", Min, Max, 0).WithAutoReset(TimeSpan.FromHours(1)));
        var restarts = 0;
        foreach (var delay in new[] { 1, 2, 4, 4 }.Select(s => TimeSpan.FromSeconds(s)))
        {
            supervisor.Tell("fail");
            await AwaitRestartCount(supervisor, ++restarts);

            Clock.Advance(delay - Tick);
            ExpectNoMsg(); // Not restarted before the delay.
            Clock.Advance(Tick);
            ExpectMsg("started");
        }
    }

    [Fact]
    public async Task OnFailure_AChildThatRanForResetBackoff_StartsAgainFromTheMinimumDelay()
    {
        var supervisor = StartSupervisor(Backoff.OnFailure(FlakyChild.Props(TestActor), "flaky", Min, Max, 0).WithAutoReset(TimeSpan.FromSeconds(10)));
        supervisor.Tell("fail");
        await AwaitRestartCount(supervisor, 1);
        Clock.Advance(Min);
        ExpectMsg("started");
        supervisor.Tell("fail");
        await AwaitRestartCount(supervisor, 2);
        Clock.Advance(2 * Min);
        ExpectMsg("started");

        // The answer proves the supervisor has scheduled the reset for this child before the clock moves.
        await AwaitRestartCount(supervisor, 2);
        Clock.Advance(TimeSpan.FromSeconds(10));
        await AwaitRestartCount(supervisor, 0);

        supervisor.Tell("fail");
        await AwaitRestartCount(supervisor, 1);
        Clock.Advance(Min);
        ExpectMsg("started");
    }

    [Fact]
    public async Task MaxNrOfRetries_StopsTheSupervisorWhenExhausted()
    {
        var supervisor = StartSupervisor(Backoff.OnFailure(FlakyChild.Props(TestActor), "flaky", Min, Max, 0)
            .WithAutoReset(TimeSpan.FromHours(1))
            .WithMaxNrOfRetries(2));
        Watch(supervisor);
        for (var i = 1; i <= 2; i++)
        {
            supervisor.Tell("fail");
            await AwaitRestartCount(supervisor, i);
            Clock.Advance(Max);
            ExpectMsg("started");
        }

        supervisor.Tell("fail");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public async Task OnStop_RestartsAChildThatStoppedItself()
    {
        var supervisor = StartSupervisor(Backoff.OnStop(FlakyChild.Props(TestActor), "flaky", Min, Max, 0).WithAutoReset(TimeSpan.FromHours(1)));
        supervisor.Tell("stop");
        await AwaitRestartCount(supervisor, 1);
        Clock.Advance(Min - Tick);
        ExpectNoMsg();
        Clock.Advance(Tick);
        ExpectMsg("started");
    }

    [Fact]
    public void OnFailure_AChildThatStoppedItself_StopsTheSupervisor()
    {
        var supervisor = StartSupervisor(Backoff.OnFailure(FlakyChild.Props(TestActor), "flaky", Min, Max, 0));
        Watch(supervisor);
        supervisor.Tell("stop");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void MessagesAreForwardedToTheChild_WithTheOriginalSender()
    {
        var supervisor = StartSupervisor(Backoff.OnFailure(FlakyChild.Props(TestActor), "flaky", Min, Max, 0));
        var client = CreateTestProbe();
        client.Send(supervisor, "echo");
        client.ExpectMsg("echo");
        Assert.Equal("flaky", client.LastSender.Path.Name);
    }

    [Fact]
    public void DelayFor_FollowsAkkasFormula()
    {
        var options = Backoff.OnFailure(FlakyChild.Props(TestActor), "x", Min, Max, 0.5);
        Assert.Equal(TimeSpan.FromSeconds(1), options.DelayFor(0, 0));
        Assert.Equal(TimeSpan.FromSeconds(2), options.DelayFor(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(4), options.DelayFor(5, 0));
        Assert.Equal(TimeSpan.FromSeconds(6), options.DelayFor(5, 1)); // Jitter adds up to RandomFactor of the delay.
    }

    private IActorRef StartSupervisor(BackoffOptions options)
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options), "backoff");
        ExpectMsg("started");
        return supervisor;
    }

    // Polls the supervisor: the restart count changes when it has handled the child's death and scheduled the restart,
    // which must happen before the test moves the fake clock.
    private Task AwaitRestartCount(IActorRef supervisor, int expected) =>
        AwaitAssertAsync(async () =>
            Assert.Equal(expected, (await supervisor.Ask<BackoffSupervisor.RestartCount>(BackoffSupervisor.GetRestartCount.Instance)).Count));

    private sealed class FlakyChild : ReceiveActor
    {
        private readonly IActorRef _probe;

        public FlakyChild(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("flaky"));
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            Receive<string>(s => s == "echo", s => Sender.Tell(s));
        }

        public static Props Props(IActorRef probe) => Actors.Props.Create(() => new FlakyChild(probe));

        protected override void PreStart() => _probe.Tell("started");
    }
}
