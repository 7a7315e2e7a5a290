using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class MailboxTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void BoundedMailbox_WhenFull_RefusesWithMailboxFullAndRecordsDeadLetters_ThenProcessesTheRestInOrder()
    {
        const int capacity = 5;
        const int extra = 3;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processed = CreateTestProbe();
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(GatedActor.Props(processed.Ref).WithMailbox(capacity));
        actor.Tell(new Hold(gate.Task));
        processed.ExpectMsg("held"); // The Hold is in flight, so the mailbox is empty again.

        var before = Sys.DeadLetterCount;
        for (var i = 0; i < capacity + extra; i++)
        {
            actor.Tell(i);
        }

        for (var i = 0; i < extra; i++)
        {
            var failure = ExpectMsg<Status.Failure>();
            var full = Assert.IsType<MailboxFullException>(failure.Cause);
            Assert.Equal(actor, full.Recipient);
            Assert.Equal(capacity, full.Capacity);
            Assert.Equal(actor, LastSender);
        }

        Assert.Equal([5, 6, 7], letters.ReceiveN(extra).Cast<DeadLetter>().Select(d => (int)d.Message));
        Assert.Equal(before + extra, Sys.DeadLetterCount);

        gate.SetResult();
        processed.ExpectMsg("released");
        for (var i = 0; i < capacity; i++)
        {
            processed.ExpectMsg(i);
        }

        processed.ExpectNoMsg();
        ExpectNoMsg();
    }

    [Fact]
    public void BoundedMailbox_UsesTheCustomFullReply()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processed = CreateTestProbe();
        var actor = Sys.ActorOf(GatedActor.Props(processed.Ref).WithMailbox(1, (message, self) => $"busy: {message} at {self.Path.Name}"));
        actor.Tell(new Hold(gate.Task));
        processed.ExpectMsg("held");
        actor.Tell("first");
        actor.Tell("second");
        ExpectMsg($"busy: second at {actor.Path.Name}");
        gate.SetResult();
        processed.ExpectMsg("released");
        processed.ExpectMsg("first");
    }

    [Fact]
    public async Task BoundedMailbox_WhenFull_FailsAnAskWithMailboxFullException()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processed = CreateTestProbe();
        var actor = Sys.ActorOf(GatedActor.Props(processed.Ref).WithMailbox(1));
        actor.Tell(new Hold(gate.Task));
        processed.ExpectMsg("held");
        actor.Tell("fills it");
        var e = await Assert.ThrowsAsync<MailboxFullException>(() => actor.Ask<string>("one too many", TimeSpan.FromMinutes(1)).WaitAsync(Dilated(TimeSpan.FromSeconds(5))));
        Assert.Equal(actor, e.Recipient);
        gate.SetResult();
    }

    [Fact]
    public void BoundedMailbox_StillDeliversTerminatedWhenFull()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var target = Sys.ActorOf(EchoActor.Props());
        var processed = CreateTestProbe();
        var watcher = Sys.ActorOf(Props.Create(() => new WatchingGate(processed.Ref, target)).WithMailbox(1));
        watcher.Tell(new Hold(gate.Task));
        processed.ExpectMsg("held");
        watcher.Tell("fills it");
        Sys.Stop(target);
        var watch = CreateTestProbe();
        watch.Watch(target);
        watch.ExpectTerminated(target);
        gate.SetResult();
        processed.ExpectMsg("released");
        processed.ExpectMsg("fills it");
        Assert.Equal(target, processed.ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void AStopArrivingBehindManyUserMessages_IsProcessedBeforeThem()
    {
        const int queued = 1_000;
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new BlockingCounter(entered, release, TestActor)));

        actor.Tell("first");
        Assert.True(entered.Wait(Dilated(TimeSpan.FromSeconds(5))), "the actor should start processing");
        for (var i = 0; i < queued; i++)
        {
            actor.Tell(i);
        }

        Watch(actor);
        Sys.Stop(actor); // A system message: it overtakes the queued user messages.
        release.Set();

        ExpectMsg("processed first");
        ExpectTerminated(actor);
        Assert.Equal(Enumerable.Range(0, queued), letters.ReceiveN(queued, TimeSpan.FromSeconds(10)).Cast<DeadLetter>().Select(d => (int)d.Message));
    }

    [Fact]
    public async Task Throughput_ARunProcessesAtMostThatManyUserMessages_ThenGivesTheThreadBack()
    {
        const int throughput = 5;
        const int messages = 100;
        await using var system = ActorSystem.Create("throughput", new ActorSystemOptions { Throughput = throughput });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new RunCounter(TestActor, messages)));
        actor.Tell(new Hold(gate.Task));
        ExpectMsg("held");
        for (var i = 0; i < messages; i++)
        {
            actor.Tell(i); // All queued before the first is processed, so every run finds a full budget's worth.
        }

        gate.SetResult();
        var batches = ExpectMsg<int[]>();
        Assert.Equal(Enumerable.Repeat(throughput, messages / throughput), batches);
    }

    [Fact]
    public void Throughput_BelowOne_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("zero", new ActorSystemOptions { Throughput = 0 }));
    }

    /// <summary>
    /// Tells mailbox runs apart: the thread pool gives every work item a clean execution context, so an AsyncLocal set
    /// by one message is still visible to the next message of the same run, and gone in the next run.
    /// </summary>
    private sealed class RunCounter : ReceiveActor
    {
        private static readonly AsyncLocal<object?> s_run = new();

        public RunCounter(IActorRef probe, int total)
        {
            var batches = new List<int>();
            ReceiveAsync<Hold>(async hold =>
            {
                probe.Tell("held");
                await hold.Gate;
            });
            Receive<int>(i =>
            {
                if (s_run.Value is null)
                {
                    s_run.Value = new object();
                    batches.Add(0);
                }

                batches[^1]++;
                if (i == total - 1)
                {
                    probe.Tell(batches.ToArray());
                }
            });
        }
    }

    private sealed class WatchingGate : ReceiveActor
    {
        public WatchingGate(IActorRef probe, IActorRef target)
        {
            Context.Watch(target);
            ReceiveAsync<Hold>(async hold =>
            {
                probe.Tell("held");
                await hold.Gate;
                probe.Tell("released");
            });
            ReceiveAny(message => probe.Tell(message));
        }
    }

    /// <summary>Blocks its thread on the first message so the test can queue behind it; the only blocking handler in the suite.</summary>
    private sealed class BlockingCounter : ReceiveActor
    {
        public BlockingCounter(ManualResetEventSlim entered, ManualResetEventSlim release, IActorRef probe)
        {
            Receive<string>(s =>
            {
                entered.Set();
                release.Wait(TimeSpan.FromSeconds(30));
                probe.Tell($"processed {s}");
            });
            Receive<int>(i => probe.Tell($"processed {i}"));
        }
    }
}
