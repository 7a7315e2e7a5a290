namespace AkkaRpc.Bench.Serialization;

/// <summary>
/// The manifests of the worker protocol under serializer 7303: short fixed strings, so nothing on the wire names a .NET
/// type. A manifest never changes meaning once shipped, and a retired one is never reused.
/// </summary>
internal static class BenchManifests
{
    /// <summary><see cref="Protocol.RegisterWorker"/>: name.</summary>
    public const string RegisterWorker = "rw";

    /// <summary><see cref="Protocol.WorkerRegistered"/>: worker count.</summary>
    public const string WorkerRegistered = "wr";

    /// <summary><see cref="Protocol.RunShare"/>: step, endpoint, workload, clients, first client.</summary>
    public const string RunShare = "rs";

    /// <summary><see cref="Protocol.ShareCompleted"/>: step, metrics (histogram buckets and exact moments, counts, bytes, rates), lost clients.</summary>
    public const string ShareCompleted = "sc";

    /// <summary><see cref="Protocol.WorkerDismissed"/>: reason.</summary>
    public const string WorkerDismissed = "wd";
}
