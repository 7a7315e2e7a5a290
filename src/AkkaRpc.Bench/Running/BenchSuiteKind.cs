namespace AkkaRpc.Bench.Running;

/// <summary>What a run measures: the three suites of <c>akkarpc bench</c>, one harness.</summary>
internal enum BenchSuiteKind
{
    /// <summary><c>akkarpc bench</c>: rpycbench's five scenarios against every system.</summary>
    Full = 1,

    /// <summary><c>akkarpc bench owner</c>: point query and insert through a database owner next to a bare SQLite connection.</summary>
    Owner = 2,

    /// <summary><c>akkarpc bench remote</c>: sequential and pipelined point queries over each transport next to the raw socket floor.</summary>
    Remote = 3,

    /// <summary><c>akkarpc bench services</c>: rpycbench's RPC scenarios on an echo/compute service, AkkaRpc services next to a hand-written actor message, gRPC and HTTP/REST.</summary>
    Services = 4,

    /// <summary>
    /// <c>akkarpc bench cluster</c>: many databases under many clients against clusters of 1, 2 and 3 members and one
    /// database against a single node, in the same run, then the failover time when the member owning a database is killed.
    /// </summary>
    Cluster = 5,
}
