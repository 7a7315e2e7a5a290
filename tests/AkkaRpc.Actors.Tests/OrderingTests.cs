using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class OrderingTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    private const int Senders = 16;
    private const int PerSender = 10_000;

    [Fact]
    public async Task ManyConcurrentSenders_EachSendersMessagesArriveInSendOrder_AndNoneIsLost()
    {
        var checker = Sys.ActorOf(Props.Create(() => new SequenceChecker(TestActor, Senders, Senders * PerSender)));
        using var start = new Barrier(Senders);
        var threads = Enumerable.Range(0, Senders).Select(s => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerSender; i++)
            {
                checker.Tell(new Numbered(s, i), ActorRefs.NoSender);
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        var result = await ExpectMsgAsync<SequenceResult>(TimeSpan.FromSeconds(30));
        threads.ForEach(t => t.Join());
        Assert.Equal(0, result.OutOfOrder);
        Assert.Equal(Senders * PerSender, result.Count);
    }

    [Fact]
    public void MessagesFromOneActorToAnother_ArriveInSendOrder()
    {
        var relay = Sys.ActorOf(Props.Create(() => new Relay(TestActor)));
        relay.Tell(1000);
        foreach (var i in Enumerable.Range(0, 1000))
        {
            ExpectMsg(i);
        }

        // Inside an actor the implicit sender is the actor, never the test's.
        Assert.Equal(relay, LastSender);
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed record SequenceResult(int Count, int OutOfOrder);

    private sealed class SequenceChecker : ReceiveActor
    {
        public SequenceChecker(IActorRef reportTo, int senders, int total)
        {
            var last = Enumerable.Repeat(-1, senders).ToArray();
            var count = 0;
            var outOfOrder = 0;
            Receive<Numbered>(n =>
            {
                if (n.Sequence <= last[n.Sender])
                {
                    outOfOrder++;
                }

                last[n.Sender] = n.Sequence;
                if (++count == total)
                {
                    reportTo.Tell(new SequenceResult(count, outOfOrder), Self);
                }
            });
        }
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef target)
        {
            Receive<int>(n =>
            {
                for (var i = 0; i < n; i++)
                {
                    target.Tell(i);
                }
            });
        }
    }
}
