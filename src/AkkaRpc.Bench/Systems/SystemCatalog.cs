namespace AkkaRpc.Bench.Systems;

/// <summary>The systems a run can measure, by report key, with the labels rpycbench's JSON carries.</summary>
internal static class SystemCatalog
{
    public const string AkkaRpcTcp = "akkarpc_tcp";
    public const string AkkaRpcUnix = "akkarpc_unix";
    public const string Http = "http";
    public const string RawTcp = "raw_tcp";
    public const string RawUnix = "raw_unix";
    public const string InProcess = "sqlite_inprocess";

    /// <summary>Every key, in the order a run measures them.</summary>
    public static IReadOnlyList<string> All { get; } = [AkkaRpcTcp, AkkaRpcUnix, Http, RawTcp, RawUnix, InProcess];

    /// <summary>Returns the display name, protocol and server mode of <paramref name="key"/>.</summary>
    public static (string Name, string Protocol, string ServerMode) Describe(string key) => key switch
    {
        AkkaRpcTcp => ("AkkaRpc (TCP)", "akkarpc.tcp", "actor owner per database (akkarpc serve)"),
        AkkaRpcUnix => ("AkkaRpc (Unix socket)", "akkarpc.unix", "actor owner per database (akkarpc serve)"),
        Http => ("HTTP/REST (Kestrel + JSON)", "http", "kestrel minimal API, pooled SQLite connection per request"),
        RawTcp => ("Raw socket floor (TCP)", "raw.tcp", "echo/sink/source, no SQL"),
        RawUnix => ("Raw socket floor (Unix socket)", "raw.unix", "echo/sink/source, no SQL"),
        InProcess => ("SQLite in process (floor)", "in-process", "Microsoft.Data.Sqlite in the load generator"),
        _ => (key, key, "unknown"),
    };

    /// <summary>The floor an AkkaRpc system is compared with: the raw socket of the same transport.</summary>
    public static string? FloorOf(string key) => key switch
    {
        AkkaRpcTcp => RawTcp,
        AkkaRpcUnix => RawUnix,
        _ => null,
    };
}
