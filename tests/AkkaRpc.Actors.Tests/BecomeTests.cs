using AkkaRpc.Actors;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class BecomeTests(ITestOutputHelper output)
    : TestKit.TestKit(new ActorSystemOptions { TimeProvider = new FakeTimeProvider() }, output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    private FakeTimeProvider Clock => (FakeTimeProvider)Sys.TimeProvider;

    [Fact]
    public void Become_ReplacesTheBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Moody()));
        actor.Tell("how?");
        ExpectMsg("happy");
        actor.Tell("become angry");
        actor.Tell("how?");
        ExpectMsg("angry");
        actor.Tell("unbecome"); // Become replaced, so there is nothing to pop back to but the initial behaviour... which Become removed.
        actor.Tell("how?");
        ExpectMsg("angry");
    }

    [Fact]
    public void BecomeStacked_AndUnbecomeStacked_ReturnToThePreviousBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Moody()));
        actor.Tell("stack sad");
        actor.Tell("how?");
        ExpectMsg("sad");
        actor.Tell("stack angry");
        actor.Tell("how?");
        ExpectMsg("angry");
        actor.Tell("unbecome");
        actor.Tell("how?");
        ExpectMsg("sad");
        actor.Tell("unbecome");
        actor.Tell("how?");
        ExpectMsg("happy");
        actor.Tell("unbecome"); // The initial behaviour always stays.
        actor.Tell("how?");
        ExpectMsg("happy");
    }

    [Fact]
    public void ReceiveTimeout_FiresAfterTheQuietPeriod_AndNotBefore()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor)));
        ExpectMsg("ready");
        Clock.Advance(Quiet - Tick);
        ExpectNoMsg();
        Clock.Advance(Tick);
        ExpectMsg("timeout");
        Assert.NotNull(actor);
    }

    [Fact]
    public void ReceiveTimeout_IsResetByMessages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor)));
        ExpectMsg("ready");
        Clock.Advance(Quiet - Tick);
        Ping(actor);

        Clock.Advance(Quiet - Tick); // Longer than the original deadline, shorter than the reset one.
        ExpectNoMsg();
        Clock.Advance(Tick);
        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_IsNotResetByMessagesThatDoNotInfluenceIt()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor)));
        ExpectMsg("ready");
        Clock.Advance(Quiet - Tick);
        actor.Tell(new Identify(null));
        ExpectMsg<ActorIdentity>();
        Clock.Advance(Tick);
        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_IsTurnedOffWithNull()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor)));
        ExpectMsg("ready");
        actor.Tell("off");
        ExpectMsg("off");
        Clock.Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg();
    }

    [Fact]
    public void ReceiveTimeout_ANonPositiveTimeout_IsRejected()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Sleepy(TestActor)));
        ExpectMsg("ready");
        actor.Tell("zero");
        Assert.IsType<ArgumentOutOfRangeException>(ExpectMsg<Exception>());
    }

    // The reply to Identify (which does not reset the timeout) comes after the ping's handler has returned and the
    // kernel has re-armed the timer, so the clock may move safely afterwards.
    private void Ping(IActorRef actor)
    {
        actor.Tell("ping");
        actor.Tell(new Identify("sync"));
        ExpectMsg("pong");
        ExpectMsg<ActorIdentity>();
    }

    private sealed class Moody : ReceiveActor
    {
        public Moody()
        {
            Receive<string>(s => s == "how?", _ => Sender.Tell("happy"));
            Common();
        }

        private void Common()
        {
            Receive<string>(s => s == "become angry", _ => Become(Angry));
            Receive<string>(s => s == "stack sad", _ => BecomeStacked(Sad));
            Receive<string>(s => s == "stack angry", _ => BecomeStacked(Angry));
            Receive<string>(s => s == "unbecome", _ => UnbecomeStacked());
        }

        private void Angry()
        {
            Receive<string>(s => s == "how?", _ => Sender.Tell("angry"));
            Common();
        }

        private void Sad()
        {
            Receive<string>(s => s == "how?", _ => Sender.Tell("sad"));
            Common();
        }
    }

    private sealed class Sleepy : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Sleepy(IActorRef probe)
        {
            _probe = probe;
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout"));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
            Receive<string>(s => s == "off", s =>
            {
                Context.SetReceiveTimeout(null);
                Sender.Tell(s);
            });
            Receive<string>(s => s == "zero", _ =>
            {
                try
                {
                    Context.SetReceiveTimeout(TimeSpan.Zero);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    probe.Tell(e);
                }
            });
        }

        protected override void PreStart()
        {
            Context.SetReceiveTimeout(Quiet);
            _probe.Tell("ready");
        }
    }
}
