namespace AkkaRpc.Bench.Results;

/// <summary>What <c>akkarpc bench cluster</c> measured: throughput by cluster size, one database against a single node, and failover.</summary>
/// <param name="Databases">The databases the clients of each cluster spread over.</param>
/// <param name="Clients">The clients at once of each throughput measurement.</param>
/// <param name="Sizes">Each cluster size measured, fewest members first.</param>
/// <param name="OneDatabase">One database in the largest cluster against the same on a single-node <c>akkarpc serve</c>, when both ran.</param>
/// <param name="Failover">The failover times, when members were killed.</param>
internal sealed record ClusterReport(
    int Databases,
    int Clients,
    IReadOnlyList<ClusterSizeFigures> Sizes,
    OneDatabaseFigures? OneDatabase,
    FailoverFigures? Failover);

/// <summary>One cluster size under the many-database load; latencies in seconds.</summary>
/// <param name="Members">Members of the cluster.</param>
/// <param name="System">The system's key in the report, e.g. <c>cluster_3</c>.</param>
/// <param name="ThroughputRps">Successful requests per second of all clients together.</param>
/// <param name="P50">Median latency of a request under that load.</param>
/// <param name="P99">99th percentile latency of a request under that load.</param>
/// <param name="VsOneMember">Throughput over the one-member cluster's in the same run; null when that did not run.</param>
internal sealed record ClusterSizeFigures(int Members, string System, double ThroughputRps, double P50, double P99, double? VsOneMember);

/// <summary>One database, all clients on it: the largest cluster against a single node; latencies in seconds.</summary>
/// <param name="Node">The single node's key (<c>akkarpc_tcp</c>).</param>
/// <param name="Cluster">The cluster's key (<c>cluster_one_db</c>).</param>
/// <param name="Members">Members of that cluster.</param>
/// <param name="NodeThroughputRps">The single node's throughput under the clients.</param>
/// <param name="ClusterThroughputRps">The cluster's throughput under the same clients.</param>
/// <param name="ThroughputRatio">Cluster over node: below 1 is a regression.</param>
/// <param name="NodeP50">The single node's median latency of one client alone.</param>
/// <param name="ClusterP50">The cluster's median latency of one client alone.</param>
/// <param name="LatencyRatio">Cluster over node: above 1 is slower.</param>
internal sealed record OneDatabaseFigures(
    string Node,
    string Cluster,
    int Members,
    double NodeThroughputRps,
    double ClusterThroughputRps,
    double? ThroughputRatio,
    double NodeP50,
    double ClusterP50,
    double? LatencyRatio);

/// <summary>The failover measurements: the member owning a database killed (SIGKILL), to the first write acknowledged through another member.</summary>
/// <param name="Members">Members of the cluster killed in.</param>
/// <param name="Samples">Each kill, in order.</param>
/// <param name="MedianSeconds">The median of the kills that ended in an acknowledged write; null if none did.</param>
/// <param name="Settings">The failure detector and split-brain settings that bound the time, as the members ran them.</param>
internal sealed record FailoverFigures(int Members, IReadOnlyList<FailoverSample> Samples, double? MedianSeconds, IReadOnlyDictionary<string, string> Settings);

/// <summary>One kill.</summary>
/// <param name="Database">The database whose owner was killed.</param>
/// <param name="KilledMember">The member killed: the one whose status listed the database.</param>
/// <param name="WriterMember">The member the writer went through, which survived.</param>
/// <param name="Seconds">From the kill to the first acknowledged write; null if none came within the limit.</param>
/// <param name="FailedWrites">Writes that failed (timed out, or refused) before that one.</param>
/// <param name="Error">Why the kill could not be timed, when it could not.</param>
internal sealed record FailoverSample(string Database, string KilledMember, string WriterMember, double? Seconds, int FailedWrites, string? Error = null);
