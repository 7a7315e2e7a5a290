using System.Diagnostics;

namespace AkkaRpc.Sqlite;

/// <summary>
/// Closes a cluster member's gates to its owners for a while after the process was paused (SIGSTOP, a frozen VM, a
/// stall) for longer than the failure detector's acceptable pause: the others may have downed it meanwhile, and it
/// learns so only some time after it resumes. Requests it finds waiting in its sockets as it resumes would run before
/// that; the fence makes them wait out <c>Hold</c> (they are refused unrun, and the client asks again elsewhere).
/// </summary>
/// <remarks>
/// A pause is seen either way round: the member's own tick finds the time since its last tick too long, or a gate
/// checking before its tick has run finds the last tick too old. Both read the monotonic clock, so no message order
/// after the resume matters. Thread-safe: the ticking actor and every gate share one instance.
/// </remarks>
internal sealed class PauseFence(TimeSpan pause, TimeSpan hold)
{
    /// <summary>How often the member ticks: well under any pause worth noticing.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(100);

    private long _lastTick = Stopwatch.GetTimestamp();
    private long _closedUntil;
    private int _unconfirmed;
    private int _members = 1;

    /// <summary>
    /// True from a pause until <see cref="Confirm"/>: the member must first hear from a majority that it is still one of
    /// them (a removed member's gossip is ignored by the others, so that never comes).
    /// </summary>
    public bool Unconfirmed => Volatile.Read(ref _unconfirmed) != 0;

    /// <summary>
    /// The members the cluster had, in this member's view, when it last ran unpaused. Confirmation after a pause needs a
    /// majority of these: a thawed member may down and remove the others in its own view, and then be a majority of one.
    /// </summary>
    public int MembersBeforePause => Volatile.Read(ref _members);

    /// <summary>A majority of the members has seen this member's current view since the pause.</summary>
    public void Confirm() => Volatile.Write(ref _unconfirmed, 0);

    /// <summary>Records that the member runs now, in a cluster of <paramref name="members"/> members as it sees it.</summary>
    public void Tick(int members)
    {
        var now = Stopwatch.GetTimestamp();
        Observe(now);
        if (!Unconfirmed)
        {
            Volatile.Write(ref _members, members);
        }

        Volatile.Write(ref _lastTick, now);
    }

    /// <summary>False while the member may have been downed during a pause it has just come out of.</summary>
    public bool Open()
    {
        var now = Stopwatch.GetTimestamp();
        Observe(now);
        return now >= Volatile.Read(ref _closedUntil);
    }

    private void Observe(long now)
    {
        if (Stopwatch.GetElapsedTime(Volatile.Read(ref _lastTick), now) <= pause)
        {
            return;
        }

        Volatile.Write(ref _unconfirmed, 1);
        var until = now + (long)(hold.TotalSeconds * Stopwatch.Frequency);
        long seen;
        while ((seen = Volatile.Read(ref _closedUntil)) < until && Interlocked.CompareExchange(ref _closedUntil, until, seen) != seen)
        {
        }
    }
}
