using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class ConcurrencyTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task AnActorNeverProcessesTwoMessagesAtOnce_UnderLoadFromManyThreads()
    {
        const int threads = 8;
        const int perThread = 5_000;
        var meter = new ConcurrencyMeter();
        var actor = Sys.ActorOf(Props.Create(() => new SyncMeteredActor(meter, TestActor, threads * perThread)));

        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                actor.Tell(i);
            }
        })));

        await ExpectMsgAsync("done", TimeSpan.FromSeconds(30));
        Assert.Equal(1, meter.MaxObserved);
    }

    [Fact]
    public async Task AnActorNeverProcessesTwoMessagesAtOnce_WhenReceiveAsyncHandlersAwait()
    {
        const int threads = 4;
        const int perThread = 500;
        var meter = new ConcurrencyMeter();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncMeteredActor(meter, TestActor, threads * perThread)));

        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                actor.Tell(i);
            }
        })));

        await ExpectMsgAsync("done", TimeSpan.FromSeconds(30));
        Assert.Equal(1, meter.MaxObserved);
    }

    /// <summary>Counts handlers inside at once; Interlocked because a broken kernel would call it from two threads.</summary>
    private sealed class ConcurrencyMeter
    {
        private int _inside;
        private int _max;

        public int MaxObserved => Volatile.Read(ref _max);

        public void Enter()
        {
            var now = Interlocked.Increment(ref _inside);
            int max;
            while (now > (max = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, max) != max)
            {
            }
        }

        public void Leave() => Interlocked.Decrement(ref _inside);
    }

    private sealed class SyncMeteredActor : ReceiveActor
    {
        public SyncMeteredActor(ConcurrencyMeter meter, IActorRef done, int total)
        {
            var count = 0;
            Receive<int>(_ =>
            {
                meter.Enter();
                Thread.SpinWait(20); // Widen the window a second thread would need.
                meter.Leave();
                if (++count == total)
                {
                    done.Tell("done");
                }
            });
        }
    }

    private sealed class AsyncMeteredActor : ReceiveActor
    {
        public AsyncMeteredActor(ConcurrencyMeter meter, IActorRef done, int total)
        {
            var count = 0;
            ReceiveAsync<int>(async i =>
            {
                meter.Enter();

                // Alternate between a continuation posted back through the actor's context and one after real pool work.
                if (i % 2 == 0)
                {
                    await Task.Yield();
                }
                else
                {
                    await Task.Run(() => Thread.SpinWait(20));
                }

                meter.Leave();
                if (++count == total)
                {
                    done.Tell("done");
                }
            });
        }
    }
}
