using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>Every attack of a run, in the order they run: what held when issue 11 was filed, then its items 1-11.</summary>
internal static class AttackCatalog
{
    /// <summary>The attacks for <paramref name="profile"/>.</summary>
    public static IReadOnlyList<Attack> For(SuiteProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var attacks = new List<Attack>
        {
            new SigkillUnderWriters(),
            new HostileFrames(),
            new WrongCookie(),
            new BadDatabaseNames(),
            new OutsideTheDatabase(),
            new CorruptDatabaseFile(),
            new NodeWidePragmas(),
            new RunawayStatement(),
            new ManyDatabaseNames(),
            new MemoryAmplification(),
            new UnauthenticatedFlood(),
            new CrashedTransactionHolder(),
            new WalDeleted(),
            new SocketRemoved(),
            new RemotePoisonPill(),
            new UnfetchedCursors(),
        };
        if (profile.ColdQueries > 0)
        {
            attacks.Insert(6, new ColdSpawnRace());
        }

        attacks.AddRange(profile.StopPauses.Select(pause => new SigstopNode(pause)));
        return attacks;
    }
}
