using Akka.Actor;

namespace AkkaRpc.Sqlite;

/// <summary>
/// The clock an owner gives its engine (cursor idle times, file checks) and the supervisor measures failure windows
/// with: Akka's scheduler, so that a test's <c>TestScheduler</c> moves every timer and every clock reading at once.
/// </summary>
internal static class SchedulerTime
{
    /// <summary>The clock that agrees with <paramref name="scheduler"/>.</summary>
    public static TimeProvider For(IScheduler scheduler) =>
        // Akka's real schedulers derive from SchedulerBase and run on the machine's monotonic clock, which
        // TimeProvider.System reads too. Any other scheduler (Akka.TestKit's TestScheduler) keeps a virtual Now that
        // only moves when the test advances it; there the engine must read that, or timers and clock would disagree.
        scheduler is SchedulerBase ? TimeProvider.System : new VirtualTime(scheduler);

    private sealed class VirtualTime(IScheduler scheduler) : TimeProvider
    {
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => scheduler.Now.ToUniversalTime();

        public override long GetTimestamp() => scheduler.Now.UtcTicks;
    }
}
