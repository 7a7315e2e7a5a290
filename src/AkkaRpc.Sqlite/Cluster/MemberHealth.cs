using Akka.Actor;
using Akka.Cluster;

namespace AkkaRpc.Sqlite;

/// <summary>
/// Whether this cluster member may run requests for the owners it hosts right now: it is a member in good standing and,
/// by its failure detector as of this moment, sees more than half of the members. A member that does not is the one the
/// split-brain resolver downs (keep-majority); one that was frozen (SIGSTOP, a long pause) sees nobody the moment it
/// resumes, before any of its periodic checks has run, so the requests it finds waiting in its sockets run nowhere.
/// </summary>
internal static class MemberHealth
{
    /// <summary>True if <paramref name="cluster"/>'s member may serve its owners' requests now.</summary>
    public static bool Serving(Akka.Cluster.Cluster cluster, PauseFence fence)
    {
        if (!fence.Open())
        {
            return false;
        }

        // Downed (or quarantined by the others, which QuarantineGuard turns into the same) a member takes no new work,
        // whatever its view says: a thawed member may still down the others in its own view and find itself alone and
        // well. A member leaving in good order serves on until its shards are handed over.
        if (CoordinatedShutdown.Get(cluster.System).ShutdownReason is CoordinatedShutdown.ClusterDowningReason)
        {
            return false;
        }

        if (!Counts(cluster.SelfMember.Status))
        {
            return false;
        }

        var self = cluster.SelfAddress;
        var state = cluster.State;
        int others = 0, seen = 0;
        foreach (var member in state.Members)
        {
            if (member.Address == self || !Counts(member.Status))
            {
                continue;
            }

            others++;

            // The detector's verdict is computed from the last heartbeat reply and the clock now, not from the last
            // periodic check; a member already found unreachable may have left the detector (which then calls it
            // available), so the view's verdict counts too.
            if (!state.Unreachable.Contains(member) && cluster.FailureDetector.IsAvailable(member.Address))
            {
                seen++;
            }
        }

        if ((seen + 1) * 2 <= others + 1)
        {
            return false;
        }

        if (fence.Unconfirmed)
        {
            // Since the pause this member's view has changed (it found the others unreachable, then reachable): only
            // once a majority has merged it is this member still one of them. Members that removed it never do.
            var seenBy = state.SeenBy;
            var confirmed = state.Members.Count(m => seenBy.Contains(m.Address) && Counts(m.Status));
            if (confirmed * 2 <= Math.Max(others + 1, fence.MembersBeforePause))
            {
                return false;
            }

            fence.Confirm();
        }

        return true;
    }

    // The members that take part: those joining or already removed do not count either way.
    private static bool Counts(MemberStatus status) =>
        status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Leaving or MemberStatus.Exiting;
}
