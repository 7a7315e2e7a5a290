namespace AkkaRpc.Bench.Wire;

/// <summary>The fixed wire ids of the worker protocol, in the range 300–399 that <c>WireIds</c> reserves for the benchmark actors.</summary>
/// <remarks>
/// <para>An id never changes meaning once shipped, and a retired id is never reused.</para>
/// <list type="table">
/// <listheader><term>id</term><description>message</description></listheader>
/// <item><term>300</term><description><see cref="Protocol.RegisterWorker"/>: name.</description></item>
/// <item><term>301</term><description><see cref="Protocol.WorkerRegistered"/>: worker count.</description></item>
/// <item><term>302</term><description><see cref="Protocol.RunShare"/>: step, endpoint, workload, clients, first client.</description></item>
/// <item><term>303</term><description><see cref="Protocol.ShareCompleted"/>: step, metrics (histogram buckets and moments, counts, bytes, rates), lost clients.</description></item>
/// <item><term>304</term><description><see cref="Protocol.WorkerDismissed"/>: reason.</description></item>
/// </list>
/// </remarks>
internal static class BenchWireIds
{
    public const int RegisterWorker = 300;

    public const int WorkerRegistered = 301;

    public const int RunShare = 302;

    public const int ShareCompleted = 303;

    public const int WorkerDismissed = 304;
}
