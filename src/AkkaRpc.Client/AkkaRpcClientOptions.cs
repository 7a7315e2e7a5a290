using Akka.Configuration;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Client;

/// <summary>
/// Where a client looks for a node, whether it may start one, and its time limits. The defaults need no setup: a node
/// on a Unix socket in the per-user runtime directory, started on first use. <see cref="FromConfig"/> reads the
/// same settings from the <c>akkarpc.client</c> section of HOCON (see <c>hocon/akkarpc.conf</c>).
/// </summary>
public sealed class AkkaRpcClientOptions
{
    /// <summary>
    /// The node's Unix socket; looked at first. Null (the default) means <c>node.sock</c> in <see cref="RuntimeDirectory"/>;
    /// the empty string means "do not look on a Unix socket".
    /// </summary>
    public string? UnixSocket { get; set; }

    /// <summary>The host whose TCP ports are scanned.</summary>
    public string TcpHost { get; set; } = "127.0.0.1";

    /// <summary>First port of the TCP range, scanned in order after the Unix socket.</summary>
    public int TcpPort { get; set; } = 4053;

    /// <summary>How many ports from <see cref="TcpPort"/> are scanned; 0 (the default) to not look on TCP.</summary>
    public int TcpPortCount { get; set; }

    /// <summary>
    /// One node to use instead of discovery, by its Akka address: <c>akka.rpc.tcp://AkkaRpc@127.0.0.1:4053</c>, or
    /// <c>akka.tcp://AkkaRpc@127.0.0.1:4054</c> (<c>akka.ssl.tcp</c> with TLS) for a node's Akka.Remote stock DotNetty listener (then this client's own
    /// system listens on a loopback port too, as DotNetty requires). Null (the default) discovers; when set, nothing
    /// else is scanned and no node is started.
    /// </summary>
    public string? NodeAddress { get; set; }

    /// <summary>
    /// For a <see cref="NodeAddress"/> over DotNetty with TLS: the PKCS#12 certificate both sides present and pin
    /// (mutual TLS). Null for plain TCP, which nodes allow on loopback only.
    /// </summary>
    public string? DotNettyCertificate { get; set; }

    /// <summary>The password of <see cref="DotNettyCertificate"/>, if it has one.</summary>
    public string? DotNettyCertificatePassword { get; set; }

    /// <summary>The actor system name of the node (<c>akkarpc.system-name</c> on the node).</summary>
    public string SystemName { get; set; } = "AkkaRpc";

    /// <summary>Start <c>akkarpc serve</c> when no node answers. When off, that is a <see cref="NodeUnreachableException"/>.</summary>
    public bool AutoSpawn { get; set; } = true;

    /// <summary>
    /// Per-user directory for the spawned node's socket, lock and log. Null: <c>$AKKARPC_RUNTIME_DIR</c>, else
    /// <c>$XDG_RUNTIME_DIR/akkarpc</c>, else <c>/tmp/akkarpc-$USER</c>.
    /// </summary>
    public string? RuntimeDirectory { get; set; }

    /// <summary>
    /// Where a spawned node keeps database files. Null: <c>$AKKARPC_DATA_DIR</c>, else <c>$XDG_DATA_HOME/akkarpc</c>, else
    /// <c>~/.local/share/akkarpc</c>. A node already running keeps its own.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The <c>akkarpc</c> executable to spawn. Null: <c>$AKKARPC_SERVER</c>, else <c>akkarpc</c> next to this program,
    /// else <c>akkarpc</c> on the PATH.
    /// </summary>
    public string? ServerExecutable { get; set; }

    /// <summary>How long a spawned node may take to answer before the connect fails, naming its log.</summary>
    public TimeSpan SpawnTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A spawned node exits after this long with no connections.</summary>
    public TimeSpan IdleShutdown { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one call waits for its reply, unless <see cref="RequestOptions.Timeout"/> says otherwise.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long connecting to one endpoint (socket and handshake) may take before it is skipped.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The cookie file; null for <c>~/.akkarpc/cookie</c>, the node's default.</summary>
    public string? CookiePath { get; set; }

    /// <summary>
    /// Give this handle its own connection (and actor system) instead of the process-wide shared one; it closes with the
    /// handle. For benchmarks and tests that need one connection per simulated client.
    /// </summary>
    public bool PrivateConnection { get; set; }

    /// <summary>Logging; discovery reports skipped endpoints at debug level.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Reads options from HOCON's <c>akkarpc.client</c> section of <paramref name="config"/>: <c>unix-socket</c>
    /// (<c>off</c> to not look there), <c>tcp.host</c>, <c>tcp.port</c>, <c>tcp.port-count</c>, <c>auto-spawn</c>,
    /// <c>runtime-dir</c>, <c>data-dir</c>, <c>server-executable</c>, <c>spawn-timeout</c>, <c>idle-shutdown</c>,
    /// <c>request-timeout</c>, <c>connect-timeout</c>, <c>cookie-path</c> (else <c>akkarpc.remote.cookie-path</c>);
    /// <c>akkarpc.system-name</c>. Missing keys and empty strings keep the defaults.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value does not parse; the message names the key.</exception>
    public static AkkaRpcClientOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = new SettingsReader(config, "akkarpc");
        var client = new SettingsReader(config, "akkarpc.client");
        var d = new AkkaRpcClientOptions();
        var options = new AkkaRpcClientOptions
        {
            SystemName = root.String("system-name", d.SystemName),
            UnixSocket = client.String("unix-socket", "") switch
            {
                "" => null,
                "off" => "", // "do not look on a Unix socket"
                var path => path,
            },
            TcpHost = client.String("tcp.host", d.TcpHost),
            TcpPort = client.Int("tcp.port", d.TcpPort),
            TcpPortCount = client.Int("tcp.port-count", d.TcpPortCount),
            AutoSpawn = client.Bool("auto-spawn", d.AutoSpawn),
            RuntimeDirectory = Optional(client.String("runtime-dir", "")),
            DataDirectory = Optional(client.String("data-dir", "")),
            ServerExecutable = Optional(client.String("server-executable", "")),
            SpawnTimeout = client.Duration("spawn-timeout", d.SpawnTimeout),
            IdleShutdown = client.Duration("idle-shutdown", d.IdleShutdown),
            RequestTimeout = client.Duration("request-timeout", d.RequestTimeout),
            ConnectTimeout = client.Duration("connect-timeout", d.ConnectTimeout),
            CookiePath = Optional(client.String("cookie-path", "")) ?? Optional(root.String("remote.cookie-path", "")),
            NodeAddress = Optional(client.String("node-address", "")),
        };
        options.Validate();
        return options;
    }

    /// <summary>Checks the settings together; the message names the one to fix.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, or no endpoint is left to look at.</exception>
    public void Validate()
    {
        if (NodeAddress is not null && ExplicitNode is null)
        {
            throw new ArgumentException($"node-address '{NodeAddress}' is not an Akka address such as akka.rpc.tcp://AkkaRpc@127.0.0.1:4053.");
        }

        if ((ExplicitNode?.Protocol == DotNettyTransport.TlsScheme) != (UsesDotNetty && DotNettyCertificate is not null))
        {
            throw new ArgumentException(UsesDotNetty
                ? $"node-address '{NodeAddress}' and DotNettyCertificate disagree: an akka.ssl.tcp node needs the pinned certificate, an akka.tcp node takes none."
                : "DotNettyCertificate is only for a node-address over DotNetty (akka.tcp or akka.ssl.tcp).");
        }

        if (NodeAddress is null && UnixSocket == "" && TcpPortCount == 0)
        {
            throw new ArgumentException("No endpoint to look for a node at: the Unix socket is off and tcp.port-count is 0. Set one of them.");
        }

        if (TcpPortCount < 0 || TcpPort is < 0 or > 65535 || (TcpPortCount > 0 && TcpPort + TcpPortCount - 1 > 65535))
        {
            throw new ArgumentException($"The TCP range {TcpPort}+{TcpPortCount} is not within ports 1–65535 (tcp.port, tcp.port-count).");
        }

        Positive(SpawnTimeout, "spawn-timeout");
        Positive(IdleShutdown, "idle-shutdown");
        Positive(RequestTimeout, "request-timeout");
        Positive(ConnectTimeout, "connect-timeout");
        if (string.IsNullOrWhiteSpace(SystemName))
        {
            throw new ArgumentException("system-name must not be empty.");
        }
    }

    /// <summary>Gets <see cref="NodeAddress"/> parsed, or null when discovering.</summary>
    internal Akka.Actor.Address? ExplicitNode =>
        NodeAddress is { } text && Akka.Actor.ActorPath.TryParseAddress(text.TrimEnd('/'), out var address) && address.HasGlobalScope ? address : null;

    /// <summary>Gets whether this client's system needs Akka.Remote's DotNetty transport (its node is an <c>akka.tcp</c> address).</summary>
    internal bool UsesDotNetty => ExplicitNode?.Protocol is DotNettyTransport.Scheme or DotNettyTransport.TlsScheme;

    internal AkkaRpcClientOptions Clone() => (AkkaRpcClientOptions)MemberwiseClone();

    private static void Positive(TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"client.{key} must be positive; it is {value}.");
        }
    }

    private static string? Optional(string value) => value.Length > 0 ? value : null;
}
