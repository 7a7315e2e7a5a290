using Microsoft.Extensions.Logging;

namespace AkkaRpc.Client;

/// <summary>Where a client looks for a node, whether it may start one, and its time limits.</summary>
public sealed class AkkaRpcClientOptions
{
    /// <summary>Unix socket of the node; null to not look there. Default: <c>node.sock</c> in <see cref="RuntimeDirectory"/>.</summary>
    public string? UnixSocket { get; set; }

    /// <summary>TCP host to scan.</summary>
    public string TcpHost { get; set; } = "127.0.0.1";

    /// <summary>First TCP port of the range scanned in order.</summary>
    public int TcpPort { get; set; } = 4053;

    /// <summary>How many ports from <see cref="TcpPort"/> are scanned; 0 to not look on TCP.</summary>
    public int TcpPortCount { get; set; }

    /// <summary>Start <c>akkarpc serve</c> when no node answers.</summary>
    public bool AutoSpawn { get; set; } = true;

    /// <summary>Per-user runtime directory: the node's socket, lock and log.</summary>
    public string? RuntimeDirectory { get; set; }

    /// <summary>Data directory a spawned node serves.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Per-request timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Own connection instead of the process-wide shared one.</summary>
    public bool PrivateConnection { get; set; }

    /// <summary>Logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
