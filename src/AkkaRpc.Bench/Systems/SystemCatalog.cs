namespace AkkaRpc.Bench.Systems;

/// <summary>The systems a run can measure, by report key, with the labels rpycbench's JSON carries and what each is judged against.</summary>
internal static class SystemCatalog
{
    public const string AkkaRpcTcp = "akkarpc_tcp";
    public const string AkkaRpcUnix = "akkarpc_unix";
    public const string AkkaDotNetty = "akka_dotnetty";
    public const string Owner = "owner_inprocess";
    public const string Http = "http";
    public const string RawTcp = "raw_tcp";
    public const string RawUnix = "raw_unix";
    public const string InProcess = "sqlite_inprocess";
    public const string Cluster1 = "cluster_1";
    public const string Cluster2 = "cluster_2";
    public const string Cluster3 = "cluster_3";
    public const string ClusterOneDatabase = "cluster_one_db";

    /// <summary>The most members <c>bench cluster</c> measures a cluster of: one key (and style) each.</summary>
    public const int MostClusterMembers = 3;

    /// <summary>Every key, in the order a run measures and reports them: the contenders, then the baseline and the floors.</summary>
    public static IReadOnlyList<string> All { get; } = [AkkaRpcTcp, AkkaRpcUnix, AkkaDotNetty, Owner, Http, RawTcp, RawUnix, InProcess, Cluster1, Cluster2, Cluster3, ClusterOneDatabase];

    /// <summary>The systems whose figures are divided by their baselines' in the ratios.</summary>
    public static IReadOnlyList<string> Contenders { get; } = [AkkaRpcTcp, AkkaRpcUnix, AkkaDotNetty, Owner, .. Services.ServiceCatalog.Contenders];

    /// <summary>The yardsticks: the HTTP/REST baseline and the floors.</summary>
    public static IReadOnlyList<string> Baselines { get; } = [Http, RawTcp, RawUnix, InProcess];

    /// <summary>The key of a cluster of <paramref name="members"/> members (1 to <see cref="MostClusterMembers"/>) serving many databases.</summary>
    public static string ClusterOf(int members) => members switch
    {
        1 => Cluster1,
        2 => Cluster2,
        3 => Cluster3,
        _ => throw new ArgumentOutOfRangeException(nameof(members), members, $"bench cluster measures clusters of 1 to {MostClusterMembers} members."),
    };

    /// <summary>The member count of a cluster key of <see cref="ClusterOf"/>; null for any other key.</summary>
    public static int? MembersOf(string key) => key switch
    {
        Cluster1 => 1,
        Cluster2 => 2,
        Cluster3 => 3,
        _ => null,
    };

    /// <summary>Returns the kind of system <paramref name="key"/> is.</summary>
    public static SystemKind KindOf(string key) => key switch
    {
        AkkaRpcTcp or AkkaRpcUnix => SystemKind.AkkaRpc,
        AkkaDotNetty => SystemKind.AkkaDotNetty,
        Owner => SystemKind.DatabaseOwner,
        Http => SystemKind.Http,
        RawTcp or RawUnix => SystemKind.RawSocket,
        InProcess => SystemKind.InProcessSqlite,
        Cluster1 or Cluster2 or Cluster3 or ClusterOneDatabase => SystemKind.AkkaRpcCluster,
        _ => Services.ServiceCatalog.KindOf(key) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "Not a system of the catalog."),
    };

    /// <summary>Returns the display name, protocol and server mode of <paramref name="key"/>.</summary>
    public static (string Name, string Protocol, string ServerMode) Describe(string key) => key switch
    {
        AkkaRpcTcp => ("AkkaRpc (TCP)", "akkarpc.tcp", "actor owner per database (akkarpc serve)"),
        AkkaRpcUnix => ("AkkaRpc (Unix socket)", "akkarpc.unix", "actor owner per database (akkarpc serve)"),
        AkkaDotNetty => ("Akka.Remote stock transport (DotNetty TCP)", "akka.tcp", "the same node and serializers over Akka.Remote's default transport"),
        Owner => ("Database owner in process", "in-process actor", "DatabaseOwner asked directly, no remoting"),
        Http => ("HTTP/REST (Kestrel + JSON)", "http", "kestrel minimal API, pooled SQLite connection per request"),
        RawTcp => ("Raw socket floor (TCP)", "raw.tcp", "echo/sink/source, no SQL"),
        RawUnix => ("Raw socket floor (Unix socket)", "raw.unix", "echo/sink/source, no SQL"),
        InProcess => ("SQLite in process (floor)", "in-process", "Microsoft.Data.Sqlite in the load generator"),
        Cluster1 => ("AkkaRpc cluster, 1 member", "akkarpc.tcp", "sharded owners on akkarpc serve --cluster members, clients spread over the members and databases"),
        Cluster2 => ("AkkaRpc cluster, 2 members", "akkarpc.tcp", "sharded owners on akkarpc serve --cluster members, clients spread over the members and databases"),
        Cluster3 => ("AkkaRpc cluster, 3 members", "akkarpc.tcp", "sharded owners on akkarpc serve --cluster members, clients spread over the members and databases"),
        ClusterOneDatabase => ("AkkaRpc cluster, one database", "akkarpc.tcp", "the largest cluster, every client on one database through any member"),
        _ => Services.ServiceCatalog.Describe(key) ?? (key, key, "unknown"),
    };

    /// <summary>The floor a contender is compared with: the raw socket of the same transport, the bare connection for the owner, gRPC for <c>bench services</c>.</summary>
    public static string? FloorOf(string key) => key switch
    {
        AkkaRpcTcp or AkkaDotNetty => RawTcp,
        AkkaRpcUnix => RawUnix,
        Owner => InProcess,
        _ when Services.ServiceCatalog.Contenders.Contains(key) => Services.ServiceCatalog.Grpc,
        _ => null,
    };

    /// <summary>Whether <paramref name="key"/> is a yardstick (the HTTP baseline or a floor) rather than a contender.</summary>
    public static bool IsBaseline(string key) => Baselines.Contains(key);

    /// <summary>
    /// The key of the system a node's "listening at" address serves: <c>akkarpc.tcp</c>/<c>akka.rpc.tcp</c> (ours over
    /// TCP), <c>akkarpc.unix</c>/<c>akka.rpc.unix</c> (ours over a Unix socket), <c>akka.tcp</c> (Akka.Remote's stock
    /// transport); null for anything else.
    /// </summary>
    public static string? KeyOfNodeAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        int scheme = address.IndexOf("://", StringComparison.Ordinal);
        return scheme < 0 ? null : address[..scheme] switch
        {
            "akkarpc.tcp" or "akka.rpc.tcp" => AkkaRpcTcp,
            "akkarpc.unix" or "akka.rpc.unix" => AkkaRpcUnix,
            "akka.tcp" => AkkaDotNetty,
            _ => null,
        };
    }
}
