using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Dispatch;

namespace AkkaRpc.Sqlite;

/// <summary>
/// The threads every database owner runs on (the executor of <c>akkarpc.sqlite.owner-dispatcher</c>): a fixed set of
/// dedicated threads sharing one queue, where any idle thread takes the next owner that has messages.
/// </summary>
/// <remarks>
/// <para>
/// SQLite calls block their thread: a commit waits for fsync, and a statement waits up to the busy timeout for a lock
/// another process holds. Measured with eight owners blocked that way (two cores): on Akka's default dispatcher (the
/// .NET thread pool, which Akka.Remote and socket I/O also need) an unrelated work item waited 3.7–4.9 s; on Akka's
/// fork-join executor (16 threads), which stops waking idle threads once as many are busy as there are cores, a ping to
/// a free owner waited 5.9–6.8 s. Here the thread pool stays untouched and a free owner answers in 0.3 ms, as long as
/// fewer owners block than there are threads.
/// </para>
/// <para>
/// A thread that runs out of work spins for a moment before it sleeps, one thread at a time, because the next request
/// of a conversation usually follows within microseconds and waking a sleeping thread costs about as much as the
/// query (a sequential point query through an owner measured 19 µs at the median this way, 25 µs without the spin,
/// 11 µs on the default dispatcher). The spin yields its core, so it never keeps the sender of that next request off it.
/// </para>
/// <para>The pool is bounded: once every thread is blocked, further owners wait for one to come free.</para>
/// </remarks>
internal sealed class OwnerThreads : ExecutorService
{
    private readonly ConcurrentQueue<IRunnable> _queue = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly int _threads;
    private readonly long _spinTicks;
    private int _sleeping;
    private int _spinning;
    private volatile bool _shutdown;

    /// <summary>Starts <paramref name="threads"/> background threads named after the dispatcher <paramref name="id"/>.</summary>
    public OwnerThreads(string id, int threads, TimeSpan spin)
        : base(id)
    {
        _threads = threads;
        _spinTicks = (long)(spin.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < threads; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"{id}-{i}" }.Start();
        }
    }

    /// <inheritdoc />
    public override void Execute(IRunnable run)
    {
        if (_shutdown)
        {
            throw new RejectedExecutionException($"The executor of {Id} is shut down.");
        }

        _queue.Enqueue(run);

        // A spinning thread will see it; only otherwise is a sleeping one worth the wake-up.
        if (Volatile.Read(ref _spinning) == 0)
        {
            WakeOne();
        }
    }

    /// <inheritdoc />
    public override void Shutdown()
    {
        // Akka shuts a dispatcher's executor down only once no actor uses it, so nothing is left in the queue.
        _shutdown = true;
        _wake.Release(_threads);
    }

    private void Work()
    {
        while (!_shutdown)
        {
            if (_queue.TryDequeue(out var run))
            {
                // More is waiting: get another thread going first, so that a run that blocks holds up only itself.
                if (!_queue.IsEmpty)
                {
                    WakeOne();
                }

                run.Run();
                continue;
            }

            if (SpinForWork())
            {
                continue;
            }

            // Counted before the last look at the queue, and Execute enqueues before it looks at the count, so a
            // run enqueued now is either seen here or followed by a release.
            Interlocked.Increment(ref _sleeping);
            if (_queue.IsEmpty && !_shutdown)
            {
                _wake.Wait();
            }

            Interlocked.Decrement(ref _sleeping);
        }
    }

    private bool SpinForWork()
    {
        if (Interlocked.CompareExchange(ref _spinning, 1, 0) != 0)
        {
            return false;
        }

        try
        {
            // SpinOnce yields the core after a few rounds: on a busy machine the thread that is about to send the
            // next request may need this very core.
            var spinner = default(SpinWait);
            var until = Stopwatch.GetTimestamp() + _spinTicks;
            while (Stopwatch.GetTimestamp() < until)
            {
                if (!_queue.IsEmpty)
                {
                    return true;
                }

                spinner.SpinOnce(sleep1Threshold: -1);
            }

            return false;
        }
        finally
        {
            Volatile.Write(ref _spinning, 0);
        }
    }

    private void WakeOne()
    {
        if (Volatile.Read(ref _sleeping) > 0)
        {
            _wake.Release();
        }
    }
}
