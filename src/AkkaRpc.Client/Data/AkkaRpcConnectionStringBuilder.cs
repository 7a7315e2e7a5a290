using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AkkaRpc.Client;

namespace AkkaRpc.Data;

/// <summary>
/// Builds and reads AkkaRpc connection strings: <c>Database=orders</c> plus the client's options (where to find the
/// node, whether to start one, time limits). Keywords are case-insensitive; an unknown keyword or a value that does
/// not parse is an <see cref="ArgumentException"/> that names it.
/// </summary>
public sealed class AkkaRpcConnectionStringBuilder : DbConnectionStringBuilder
{
    private const string DatabaseKey = "Database";
    private const string UnixSocketKey = "Unix Socket";
    private const string TcpHostKey = "Tcp Host";
    private const string TcpPortKey = "Tcp Port";
    private const string TcpPortCountKey = "Tcp Port Count";
    private const string NodeAddressKey = "Node Address";
    private const string AutoSpawnKey = "Auto Spawn";
    private const string RuntimeDirectoryKey = "Runtime Directory";
    private const string DataDirectoryKey = "Data Directory";
    private const string ServerExecutableKey = "Server Executable";
    private const string CookiePathKey = "Cookie Path";
    private const string SystemNameKey = "System Name";
    private const string SpawnTimeoutKey = "Spawn Timeout";
    private const string IdleShutdownKey = "Idle Shutdown";
    private const string ConnectTimeoutKey = "Connect Timeout";
    private const string DefaultTimeoutKey = "Default Timeout";
    private const string TransactionLeaseKey = "Transaction Lease";
    private const string PrivateConnectionKey = "Private Connection";
    private const string PoolingKey = "Pooling";

    // Every keyword and synonym, to its canonical name and how its value parses. "Data Source" and "Filename" are
    // Microsoft.Data.Sqlite's names for the database, so its connection strings need only the value changed.
    private static readonly Dictionary<string, (string Key, Kind Kind)> s_keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        [DatabaseKey] = (DatabaseKey, Kind.Text),
        ["Data Source"] = (DatabaseKey, Kind.Text),
        ["DataSource"] = (DatabaseKey, Kind.Text),
        ["Filename"] = (DatabaseKey, Kind.Text),
        [UnixSocketKey] = (UnixSocketKey, Kind.Text),
        [TcpHostKey] = (TcpHostKey, Kind.Text),
        [TcpPortKey] = (TcpPortKey, Kind.Integer),
        [TcpPortCountKey] = (TcpPortCountKey, Kind.Integer),
        [NodeAddressKey] = (NodeAddressKey, Kind.Text),
        [AutoSpawnKey] = (AutoSpawnKey, Kind.Boolean),
        [RuntimeDirectoryKey] = (RuntimeDirectoryKey, Kind.Text),
        [DataDirectoryKey] = (DataDirectoryKey, Kind.Text),
        [ServerExecutableKey] = (ServerExecutableKey, Kind.Text),
        [CookiePathKey] = (CookiePathKey, Kind.Text),
        [SystemNameKey] = (SystemNameKey, Kind.Text),
        [SpawnTimeoutKey] = (SpawnTimeoutKey, Kind.Seconds),
        [IdleShutdownKey] = (IdleShutdownKey, Kind.Seconds),
        [ConnectTimeoutKey] = (ConnectTimeoutKey, Kind.Seconds),
        [DefaultTimeoutKey] = (DefaultTimeoutKey, Kind.Seconds),
        ["Command Timeout"] = (DefaultTimeoutKey, Kind.Seconds),
        [TransactionLeaseKey] = (TransactionLeaseKey, Kind.Seconds),
        [PrivateConnectionKey] = (PrivateConnectionKey, Kind.Boolean),
        [PoolingKey] = (PoolingKey, Kind.Boolean),
    };

    private enum Kind
    {
        Text,
        Integer,
        Boolean,
        Seconds,
    }

    /// <summary>Creates an empty builder.</summary>
    public AkkaRpcConnectionStringBuilder()
    {
    }

    /// <summary>Creates a builder holding <paramref name="connectionString"/>.</summary>
    /// <exception cref="ArgumentException">A keyword is unknown or a value does not parse.</exception>
    public AkkaRpcConnectionStringBuilder(string? connectionString) => ConnectionString = connectionString;

    /// <summary>The database name (<c>Database</c>, or <c>Data Source</c>).</summary>
    public string Database { get => Text(DatabaseKey) ?? ""; set => this[DatabaseKey] = value; }

    /// <summary>The node's Unix socket (<c>Unix Socket</c>); <c>off</c> to not look on one. Unset: the per-user default.</summary>
    public string? UnixSocket { get => Text(UnixSocketKey); set => this[UnixSocketKey] = value; }

    /// <summary>The host whose TCP ports are scanned (<c>Tcp Host</c>).</summary>
    public string? TcpHost { get => Text(TcpHostKey); set => this[TcpHostKey] = value; }

    /// <summary>The first TCP port scanned (<c>Tcp Port</c>).</summary>
    public int? TcpPort { get => Number(TcpPortKey); set => this[TcpPortKey] = value; }

    /// <summary>How many TCP ports are scanned (<c>Tcp Port Count</c>); 0 to not look on TCP.</summary>
    public int? TcpPortCount { get => Number(TcpPortCountKey); set => this[TcpPortCountKey] = value; }

    /// <summary>One node to use instead of discovery (<c>Node Address</c>), such as <c>akka.rpc.tcp://AkkaRpc@127.0.0.1:4053</c>.</summary>
    public string? NodeAddress { get => Text(NodeAddressKey); set => this[NodeAddressKey] = value; }

    /// <summary>Start a node when none answers (<c>Auto Spawn</c>, default true).</summary>
    public bool AutoSpawn { get => Flag(AutoSpawnKey) ?? true; set => this[AutoSpawnKey] = value; }

    /// <summary>The per-user directory of a spawned node's socket, lock and log (<c>Runtime Directory</c>).</summary>
    public string? RuntimeDirectory { get => Text(RuntimeDirectoryKey); set => this[RuntimeDirectoryKey] = value; }

    /// <summary>Where a spawned node keeps database files (<c>Data Directory</c>).</summary>
    public string? DataDirectory { get => Text(DataDirectoryKey); set => this[DataDirectoryKey] = value; }

    /// <summary>The <c>akkarpc</c> executable to spawn (<c>Server Executable</c>).</summary>
    public string? ServerExecutable { get => Text(ServerExecutableKey); set => this[ServerExecutableKey] = value; }

    /// <summary>The cookie file (<c>Cookie Path</c>).</summary>
    public string? CookiePath { get => Text(CookiePathKey); set => this[CookiePathKey] = value; }

    /// <summary>The node's actor system name (<c>System Name</c>).</summary>
    public string? SystemName { get => Text(SystemNameKey); set => this[SystemNameKey] = value; }

    /// <summary>Seconds a spawned node may take to answer (<c>Spawn Timeout</c>).</summary>
    public double? SpawnTimeout { get => Seconds(SpawnTimeoutKey); set => this[SpawnTimeoutKey] = value; }

    /// <summary>Seconds with no connections after which a spawned node exits (<c>Idle Shutdown</c>).</summary>
    public double? IdleShutdown { get => Seconds(IdleShutdownKey); set => this[IdleShutdownKey] = value; }

    /// <summary>Seconds connecting to one endpoint may take (<c>Connect Timeout</c>).</summary>
    public double? ConnectTimeout { get => Seconds(ConnectTimeoutKey); set => this[ConnectTimeoutKey] = value; }

    /// <summary>The commands' default <see cref="DbCommand.CommandTimeout"/> in seconds (<c>Default Timeout</c>, default 30; 0 waits without limit).</summary>
    public int DefaultTimeout { get => (int)(Seconds(DefaultTimeoutKey) ?? 30); set => this[DefaultTimeoutKey] = value; }

    /// <summary>Seconds a transaction may stay idle before the node rolls it back (<c>Transaction Lease</c>, default 30).</summary>
    public double TransactionLease { get => Seconds(TransactionLeaseKey) ?? 30; set => this[TransactionLeaseKey] = value; }

    /// <summary>Give each open connection its own network connection and actor system (<c>Private Connection</c>, default false).</summary>
    public bool PrivateConnection { get => Flag(PrivateConnectionKey) ?? false; set => this[PrivateConnectionKey] = value; }

    /// <summary>
    /// Share one database handle between the connections with this connection string (<c>Pooling</c>, default true):
    /// opening one then costs nothing after the first. Off: each open finds the database's owner anew and closing drops it.
    /// </summary>
    public bool Pooling { get => Flag(PoolingKey) ?? true; set => this[PoolingKey] = value; }

    /// <summary>The value of <paramref name="keyword"/> (any of its synonyms), or null when unset.</summary>
    /// <exception cref="ArgumentException">The keyword is not supported, or (setting) its value does not parse.</exception>
    [AllowNull]
    public override object this[string keyword]
    {
        get => TryGetValue(keyword, out var value) ? value : null!;
        set
        {
            var (key, kind) = Keyword(keyword);
            if (value is null || (value is string { Length: 0 } && kind != Kind.Text))
            {
                base.Remove(key);
                return;
            }

            base[key] = Check(key, kind, value);
        }
    }

    /// <inheritdoc/>
    public override bool ContainsKey(string keyword) => s_keywords.TryGetValue(keyword, out var k) && base.ContainsKey(k.Key);

    /// <inheritdoc/>
    public override bool Remove(string keyword) => s_keywords.TryGetValue(keyword, out var k) && base.Remove(k.Key);

    /// <inheritdoc/>
    public override bool ShouldSerialize(string keyword) => s_keywords.TryGetValue(keyword, out var k) && base.ShouldSerialize(k.Key);

    /// <inheritdoc/>
    public override bool TryGetValue(string keyword, [NotNullWhen(true)] out object? value)
    {
        value = null;
        return s_keywords.TryGetValue(keyword, out var k) && base.TryGetValue(k.Key, out value);
    }

    /// <summary>The client options this connection string describes, on top of the defaults.</summary>
    /// <exception cref="ArgumentException">The options do not fit together (for example no endpoint left to look at).</exception>
    public AkkaRpcClientOptions ToClientOptions()
    {
        var options = new AkkaRpcClientOptions
        {
            AutoSpawn = AutoSpawn,
            PrivateConnection = PrivateConnection,
        };
        options.UnixSocket = UnixSocket is "off" ? "" : UnixSocket ?? options.UnixSocket;
        options.TcpHost = TcpHost ?? options.TcpHost;
        options.TcpPort = TcpPort ?? options.TcpPort;
        options.TcpPortCount = TcpPortCount ?? options.TcpPortCount;
        options.NodeAddress = NodeAddress ?? options.NodeAddress;
        options.RuntimeDirectory = RuntimeDirectory ?? options.RuntimeDirectory;
        options.DataDirectory = DataDirectory ?? options.DataDirectory;
        options.ServerExecutable = ServerExecutable ?? options.ServerExecutable;
        options.CookiePath = CookiePath ?? options.CookiePath;
        options.SystemName = SystemName ?? options.SystemName;
        options.SpawnTimeout = Span(SpawnTimeout) ?? options.SpawnTimeout;
        options.IdleShutdown = Span(IdleShutdown) ?? options.IdleShutdown;
        options.ConnectTimeout = Span(ConnectTimeout) ?? options.ConnectTimeout;
        options.Validate();
        return options;
    }

    private static TimeSpan? Span(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static (string Key, Kind Kind) Keyword(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return s_keywords.TryGetValue(keyword, out var k)
            ? k
            : throw new ArgumentException(
                $"Connection string keyword '{keyword}' is not supported. AkkaRpc knows: {string.Join(", ", s_keywords.Values.Select(v => v.Key).Distinct())} " +
                "(and Data Source or Filename for Database).",
                nameof(keyword));
    }

    private static object Check(string key, Kind kind, object value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        if (value is bool or int or double && kind != Kind.Text)
        {
            return value;
        }

        return kind switch
        {
            Kind.Text => text,
            Kind.Integer when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 => n,
            Kind.Boolean when bool.TryParse(text, out var b) => b,
            Kind.Boolean when text is "0" or "1" or "yes" or "no" => text is "1" or "yes",
            Kind.Seconds when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && double.IsFinite(s) => s,
            _ => throw new ArgumentException(
                $"Connection string keyword '{key}' has the value '{text}', which is not {kind switch { Kind.Integer => "a whole number of at least 0", Kind.Boolean => "true or false", _ => "a number of seconds of at least 0" }}.",
                nameof(value)),
        };
    }

    // The base class may hold a value as the string it parsed (its ConnectionString setter does not always come through
    // the indexer), so a typed read checks it again.
    private string? Text(string key) => base.TryGetValue(key, out var v) ? (string)Check(key, Kind.Text, v) : null;

    private int? Number(string key) => base.TryGetValue(key, out var v) ? (int)Check(key, Kind.Integer, v) : null;

    private bool? Flag(string key) => base.TryGetValue(key, out var v) ? (bool)Check(key, Kind.Boolean, v) : null;

    private double? Seconds(string key) => base.TryGetValue(key, out var v) ? (double)Check(key, Kind.Seconds, v) : null;
}
