using Akka.Dispatch;

namespace AkkaRpc.Sqlite.Tests.Owners;

public sealed class OwnerThreadsTests
{
    private static readonly TimeSpan Ceiling = TestTime.Seconds(10);

    [Fact]
    public void TheShippedConfig_MakesOwnerThreads_FromItsOwnSection()
    {
        var dispatcher = DatabasesSupervisor.DefaultConfig.GetConfig(DatabasesSupervisor.OwnerDispatcherId);
        Assert.Equal("AkkaRpc.Sqlite.OwnerThreadsConfigurator, AkkaRpc.Sqlite", dispatcher.GetString("executor"));

        var threads = new OwnerThreadsConfigurator(dispatcher, null!).Produce("owners");
        try
        {
            using var ran = new ManualResetEventSlim();
            threads.Execute(new Work(ran.Set));
            Assert.True(ran.Wait(Ceiling));
        }
        finally
        {
            threads.Shutdown();
        }
    }

    [Fact]
    public void ARunThatBlocks_HoldsUpOnlyItsOwnThread()
    {
        var threads = new OwnerThreads("owners", 2, TimeSpan.FromMilliseconds(0.1));
        using var release = new ManualResetEventSlim();
        using var blocking = new ManualResetEventSlim();
        using var other = new ManualResetEventSlim();
        try
        {
            // As an owner waiting inside SQLite for another process's lock: the next owner still gets a thread.
            threads.Execute(new Work(() =>
            {
                blocking.Set();
                release.Wait();
            }));
            Assert.True(blocking.Wait(Ceiling));
            threads.Execute(new Work(other.Set));
            Assert.True(other.Wait(Ceiling));
        }
        finally
        {
            release.Set();
            threads.Shutdown();
        }
    }

    [Fact]
    public void ManyRunsAtOnce_AllRun_OnEveryThread()
    {
        var threads = new OwnerThreads("owners", 4, TimeSpan.FromMilliseconds(0.1));
        using var done = new CountdownEvent(10_000);
        var names = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        try
        {
            // The first four runs wait for each other, so they can only finish if four threads took them.
            using var started = new CountdownEvent(4);
            for (var i = 0; i < 4; i++)
            {
                threads.Execute(new Work(() =>
                {
                    names[Thread.CurrentThread.Name!] = true;
                    started.Signal();
                    started.Wait(Ceiling);
                    done.Signal();
                }));
            }

            for (var i = 4; i < 10_000; i++)
            {
                threads.Execute(new Work(() => done.Signal()));
            }

            Assert.True(done.Wait(Ceiling));
            Assert.Equal(4, names.Count);
        }
        finally
        {
            threads.Shutdown();
        }
    }

    [Fact]
    public void AfterShutdown_ARunIsRejected()
    {
        var threads = new OwnerThreads("owners", 1, TimeSpan.Zero);
        threads.Shutdown();
        Assert.Throws<RejectedExecutionException>(() => threads.Execute(new Work(() => { })));
    }

    private sealed class Work(Action action) : IRunnable
    {
        public void Run() => action();

        public void Execute() => action();
    }
}
