using System.Runtime.CompilerServices;
using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class StashTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void UnstashAll_ReturnsStashedMessagesOldestFirst_BeforeNewerOnes()
    {
        var actor = Sys.ActorOf(Doorman.Props(TestActor));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("c");
        actor.Tell(Door.Open);
        actor.Tell("d");
        ExpectMsg("opened");
        ExpectMsg("a");
        ExpectMsg("b");
        ExpectMsg("c");
        ExpectMsg("d");
    }

    [Fact]
    public void Unstash_ReturnsOnlyTheOldest()
    {
        var actor = Sys.ActorOf(Doorman.Props(TestActor));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(Door.LetOneIn);
        ExpectMsg("a");
        actor.Tell("count");
        ExpectMsg(1);
    }

    [Fact]
    public void TheStash_SurvivesARestart_AndGoesBackIntoTheMailbox()
    {
        var actor = Sys.ActorOf(Doorman.Props(TestActor));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(new InvalidOperationException("restart"));
        actor.Tell("c");

        // The second incarnation starts with the door open: the stash is delivered first, then what followed.
        ExpectMsg("incarnation 2");
        ExpectMsg("a");
        ExpectMsg("b");
        ExpectMsg("c");
    }

    [Fact]
    public void TheStash_BecomesDeadLettersWhenTheActorStops()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Doorman.Props(TestActor));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("count");
        ExpectMsg(2);
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Assert.Equal(["a", "b"], letters.ReceiveN(2).Cast<DeadLetter>().Select(d => d.Message));
    }

    [Fact]
    public void TheSameMessageObjectSentTwice_CanBeStashedTwice()
    {
        var actor = Sys.ActorOf(Doorman.Props(TestActor));
        const string same = "same"; // One interned instance, sent twice: two messages all the same.
        actor.Tell(same);
        actor.Tell(same);
        actor.Tell("count");
        ExpectMsg(2);
        actor.Tell(Door.Open);
        ExpectMsg("opened");
        ExpectMsg(same);
        ExpectMsg(same);
    }

    [Fact]
    public void StashingTheSameMessageTwice_Fails()
    {
        var actor = Sys.ActorOf(Props.Create(() => new DoubleStasher(TestActor)));
        actor.Tell("x");
        Assert.IsType<InvalidOperationException>(ExpectMsg<Exception>());
    }

    private enum Door
    {
        Open,
        LetOneIn,
    }

    /// <summary>Stashes strings while closed; the first incarnation starts closed, later ones open.</summary>
    private sealed class Doorman : ReceiveActor, IWithUnboundedStash
    {
        private readonly IActorRef _probe;

        public Doorman(IActorRef probe, StrongBox<int> incarnations)
        {
            _probe = probe;
            var incarnation = Interlocked.Increment(ref incarnations.Value);
            if (incarnation > 1)
            {
                probe.Tell($"incarnation {incarnation}");
                Open();
                return;
            }

            Closed();
        }

        public IStash Stash { get; set; } = null!;

        public static Props Props(IActorRef probe)
        {
            // One counter for all incarnations made from these props.
            var incarnations = new StrongBox<int>();
            return Actors.Props.Create(() => new Doorman(probe, incarnations));
        }

        private void Closed()
        {
            Receive<string>(s => s == "count", _ => Sender.Tell(Stash.Count));
            Receive<string>(_ => Stash.Stash());
            Receive<Exception>(e => throw e);
            Receive<Door>(d => d == Door.LetOneIn, _ =>
            {
                Stash.Unstash();
                Become(LetOneIn);
            });
            Receive<Door>(_ =>
            {
                _probe.Tell("opened");
                Stash.UnstashAll();
                Become(Open);
            });
        }

        private void LetOneIn() => Receive<string>(s =>
        {
            _probe.Tell(s);
            Become(Closed);
        });

        private void Open() => Receive<string>(s => _probe.Tell(s));

        // Keep the stash across the restart (the default would also stop children and call PostStop).
        protected override void PreRestart(Exception reason, object? message)
        {
        }
    }

    private sealed class DoubleStasher : ReceiveActor, IWithUnboundedStash
    {
        public DoubleStasher(IActorRef probe)
        {
            Receive<string>(_ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (InvalidOperationException e)
                {
                    probe.Tell(e);
                }
            });
        }

        public IStash Stash { get; set; } = null!;
    }
}
