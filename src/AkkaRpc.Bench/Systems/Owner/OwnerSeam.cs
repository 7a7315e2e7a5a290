namespace AkkaRpc.Bench.Systems.Owner;

/// <summary>
/// SEAM(lead): <c>owner_inprocess</c>, the statements of <c>bench owner</c> sent to a <c>DatabaseOwner</c> in the load
/// process with <c>Ask</c>, measured next to the same statements on a bare SQLite connection (<c>sqlite_inprocess</c>).
/// It cannot run on this branch: the owner is still an actor of AkkaRpc's own kernel, which the bench no longer uses.
/// Until it can, a run skips it and says why (<see cref="Unavailable"/>).
/// </summary>
/// <remarks>
/// <para>Completing it, once the owners branch has merged (DatabaseOwner and DatabasesSupervisor as Akka actors):</para>
/// <list type="number">
/// <item><description>Adapter: a new <c>OwnerBenchSystem : IBenchSystem</c> in this folder. Its endpoint's
/// <see cref="SystemEndpoint.Address"/> is a fresh data directory (the suite passes one). <c>PrepareAsync</c> starts a
/// plain Akka <c>ActorSystem</c>, creates the supervisor at <c>/user/databases</c> with the databases settings of
/// <c>hocon/bench.conf</c> (data directory replaced by the endpoint's, <c>synchronous = full</c> as the floor uses),
/// resolves the owner of <see cref="SystemEndpoint.Database"/> and runs <see cref="BenchSchema.Create"/> through it.
/// <c>ConnectAsync</c> returns an <see cref="IBenchConnection"/> whose operations are <c>Query</c>/<c>Execute</c> asks
/// (with a timeout) to that owner, each reply checked (a <c>DatabaseError</c> becomes an exception carrying its message),
/// every column of a row read. <c>DisposeAsync</c> runs the system's <c>CoordinatedShutdown</c>.</description></item>
/// <item><description>Factory: <see cref="BenchSystemFactory"/> makes it for <see cref="SystemKind.DatabaseOwner"/>; set
/// <see cref="Unavailable"/> to null. <c>bench owner</c>'s plan, the table and the ratios (<c>vs_floor</c> =
/// <c>sqlite_inprocess</c>) already carry the system.</description></item>
/// </list>
/// </remarks>
internal static class OwnerSeam
{
    /// <summary>Gets why the system cannot run on this branch; null once the adapter is complete.</summary>
    public static string? Unavailable => "pending until DatabaseOwner is an Akka actor";
}
