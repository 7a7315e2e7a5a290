namespace AkkaRpc.Reliability.Running;

/// <summary>
/// The counts and durations of one run: <see cref="Quick"/> for CI (well under two minutes in all) and
/// <see cref="Long"/> for the fault runs the issue describes (several minutes). Every attack's loop is bounded by these.
/// </summary>
/// <param name="Name">"quick" or "long".</param>
/// <param name="KillAfter">How long the writers run before a SIGKILL.</param>
/// <param name="StopPauses">The SIGSTOP pauses, one attack each.</param>
/// <param name="DistinctDatabases">How many database names the fd/memory attack resolves.</param>
/// <param name="PositionalParameters">How many NULL parameters one Execute carries.</param>
/// <param name="ZeroblobBytes">The size of the zeroblob reply asked for.</param>
/// <param name="FloodConnections">How many unauthenticated TCP connections the flood keeps open.</param>
/// <param name="FloodDuration">How long the flood re-opens connections as they close.</param>
/// <param name="SocketWait">How long the node is given to re-create a deleted socket file.</param>
/// <param name="UnfetchedCursors">How many cursors one client leaves open.</param>
/// <param name="ColdQueries">How many <c>akkarpc query</c> processes start at once with no node running; 0 leaves that attack out.</param>
/// <param name="RequestTimeout">The honest clients' request timeout.</param>
/// <param name="AttackBudget">The most one attack may take before it is cut off and reported as such.</param>
internal sealed record SuiteProfile(
    string Name,
    TimeSpan KillAfter,
    IReadOnlyList<TimeSpan> StopPauses,
    int DistinctDatabases,
    int PositionalParameters,
    int ZeroblobBytes,
    int FloodConnections,
    TimeSpan FloodDuration,
    TimeSpan SocketWait,
    int UnfetchedCursors,
    int ColdQueries,
    TimeSpan RequestTimeout,
    TimeSpan AttackBudget)
{
    /// <summary>The short form, run in CI.</summary>
    public static SuiteProfile Quick { get; } = new(
        "quick",
        KillAfter: TimeSpan.FromSeconds(1),
        StopPauses: [TimeSpan.FromSeconds(2)],
        DistinctDatabases: 200,
        PositionalParameters: 200_000,
        ZeroblobBytes: 20_000_000,
        FloodConnections: 200,
        FloodDuration: TimeSpan.FromSeconds(2),
        SocketWait: TimeSpan.FromSeconds(2),
        UnfetchedCursors: 16,
        ColdQueries: 0, // each is a JIT-compiled process start: too dear for CI's two minutes; ClientProcessTests race a few
        RequestTimeout: TimeSpan.FromSeconds(15),
        AttackBudget: TimeSpan.FromSeconds(45));

    /// <summary>The long form: the counts and durations where the machine allows them.</summary>
    public static SuiteProfile Long { get; } = new(
        "long",
        KillAfter: TimeSpan.FromSeconds(10),
        StopPauses: [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(25)],
        DistinctDatabases: 3_000,
        PositionalParameters: 2_000_000,
        ZeroblobBytes: 20_000_000,
        FloodConnections: 1_100,
        FloodDuration: TimeSpan.FromSeconds(20),
        SocketWait: TimeSpan.FromSeconds(25),
        UnfetchedCursors: 16,
        ColdQueries: 64,
        RequestTimeout: TimeSpan.FromSeconds(130),
        AttackBudget: TimeSpan.FromSeconds(240));
}
