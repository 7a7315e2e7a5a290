using System.Collections.Concurrent;

namespace AkkaRpc.Actors;

/// <summary>
/// <see cref="IScheduler"/> on <see cref="TimeProvider"/> timers. Active timers are held here, because an
/// unreferenced timer may be collected before it fires.
/// </summary>
internal sealed class TimerScheduler(TimeProvider time) : IScheduler, IDisposable
{
    private readonly ConcurrentDictionary<Scheduled, byte> _active = new();
    private volatile bool _disposed;

    public ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, receiver, message, sender);

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return Schedule(initialDelay, interval, receiver, message, sender);
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var scheduled in _active.Keys)
        {
            scheduled.Cancel();
        }
    }

    private Scheduled Schedule(TimeSpan delay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        var scheduled = new Scheduled(this, receiver, message, sender, repeating: interval != Timeout.InfiniteTimeSpan);
        _active[scheduled] = 0;
        scheduled.Start(time, delay, interval);
        return scheduled;
    }

    private sealed class Scheduled(TimerScheduler owner, ICanTell receiver, object message, IActorRef? sender, bool repeating) : ICancelable
    {
        private ITimer? _timer;
        private int _cancelled;

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Start(TimeProvider time, TimeSpan delay, TimeSpan interval)
        {
            var timer = time.CreateTimer(static s => ((Scheduled)s!).Fire(), this, delay, interval);
            Volatile.Write(ref _timer, timer);
            if (IsCancellationRequested)
            {
                timer.Dispose();
            }
        }

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0)
            {
                Volatile.Read(ref _timer)?.Dispose();
                owner._active.TryRemove(this, out _);
            }
        }

        private void Fire()
        {
            if (IsCancellationRequested)
            {
                return;
            }

            if (!repeating)
            {
                Cancel();
            }

            receiver.Tell(message, sender);
        }
    }
}
