using System.Globalization;
using System.Net;
using Akka.Configuration;
using AkkaRpc.Client;
using AkkaRpc.Transport;

namespace AkkaRpc.Hosting;

/// <summary>
/// How a node listens for other processes (HOCON <c>akkarpc.remote</c>): loopback TCP and/or a Unix socket, both on
/// AkkaRpc's authenticated transport. <see cref="ToConfig"/> turns them into Akka.Remote's settings.
/// </summary>
public sealed record NodeTransportOptions
{
    /// <summary>
    /// The paths other processes may reach by <c>ActorSelection</c> (Akka's <c>trusted-selection-paths</c>): the
    /// databases' supervisor, the node admin, and Akka.Remote's own remote watcher, whose death-watch heartbeats travel
    /// as selections (untrusted mode would drop them, and every watcher would then declare this node dead).
    /// </summary>
    public static readonly IReadOnlyList<string> TrustedPaths = [Protocol.NodePaths.Databases, Protocol.NodePaths.Admin, "/system/remote-watcher"];

    /// <summary>What a reply needs besides its rows' values (lengths, tags, column names, Akka.Remote's envelope): the rows get a frame less this.</summary>
    public const long ReplyOverhead = 256 * 1024;

    /// <summary>Gets whether to listen on TCP.</summary>
    public bool TcpEnabled { get; init; } = true;

    /// <summary>Gets the address to bind; anything but loopback also needs <see cref="AllowNonLoopback"/>.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>Gets the host name clients address this node by, when it is not <see cref="Hostname"/> (a container bound to 0.0.0.0 and reached as <c>node</c>); null means <see cref="Hostname"/>.</summary>
    public string? PublicHostname { get; init; }

    /// <summary>Gets the TCP port; 0 picks a free one.</summary>
    public int Port { get; init; } = 4053;

    /// <summary>Gets how many ports from <see cref="Port"/> to try; the first free one is bound.</summary>
    public int PortSearch { get; init; } = 1;

    /// <summary>Gets the Unix socket to listen on as well; null for none.</summary>
    public string? UnixSocket { get; init; }

    /// <summary>Gets whether binding a non-loopback address is allowed (the cookie then guards the node against other hosts).</summary>
    public bool AllowNonLoopback { get; init; }

    /// <summary>Gets the cookie file; null for <c>~/.akkarpc/cookie</c>.</summary>
    public string? CookiePath { get; init; }

    /// <summary>Gets the largest message on the wire, in bytes.</summary>
    public long MaxFrameSize { get; init; } = 16L * 1024 * 1024;

    /// <summary>Gets how many connections are accepted at once.</summary>
    public int MaxConnections { get; init; } = 1024;

    /// <summary>Gets how many outbound bytes may queue for one peer before it gets backpressure.</summary>
    public long MaxQueuedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Gets how long a connection may take to finish its handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets whether to also listen over Akka.Remote's stock DotNetty TCP transport (<c>akka.tcp://</c>).</summary>
    public bool DotNettyEnabled { get; init; }

    /// <summary>Gets the DotNetty listener's address; beyond loopback it needs <see cref="DotNettyCertificate"/>.</summary>
    public string DotNettyHostname { get; init; } = "127.0.0.1";

    /// <summary>Gets the DotNetty listener's port; 0 picks a free one.</summary>
    public int DotNettyPort { get; init; }

    /// <summary>Gets the PKCS#12 certificate for DotNetty's mutual TLS (each side presents it and pins it); null for plain TCP.</summary>
    public string? DotNettyCertificate { get; init; }

    /// <summary>Gets the password of <see cref="DotNettyCertificate"/>.</summary>
    public string? DotNettyCertificatePassword { get; init; }

    /// <summary>Gets the interval of Akka.Remote's death-watch heartbeats.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how late heartbeats may be before a watched peer counts as dead.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks every value; the message names the HOCON key to fix.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (!TcpEnabled && UnixSocket is null && !DotNettyEnabled)
        {
            throw new ArgumentException("The node would listen nowhere: akkarpc.remote.tcp.enabled is off and akkarpc.remote.unix.socket is empty.");
        }

        if (DotNettyEnabled)
        {
            if (DotNettyPort is < 0 or > IPEndPoint.MaxPort)
            {
                throw new ArgumentException($"akkarpc.remote.dotnetty.port {DotNettyPort} is not within ports 0–65535.");
            }

            // DotNetty has no cookie handshake: anyone who reaches the port could talk to the node's actors.
            if (!IsLoopback(DotNettyHostname) && DotNettyCertificate is null)
            {
                throw new ArgumentException(
                    $"akkarpc.remote.dotnetty.hostname {DotNettyHostname} is not loopback, and the DotNetty transport has no authentication of its own. " +
                    "Set akkarpc.remote.dotnetty.certificate (mutual TLS with a pinned certificate), or use AkkaRpc's transport (akkarpc.remote.tcp with allow-non-loopback).");
            }
        }

        if (TcpEnabled)
        {
            if (Port is < 0 or > IPEndPoint.MaxPort || PortSearch < 1 || (Port > 0 && Port + PortSearch - 1 > IPEndPoint.MaxPort))
            {
                throw new ArgumentException($"akkarpc.remote.tcp.port {Port} with port-search {PortSearch} is not within ports 0–65535.");
            }

            if (!IsLoopback(Hostname) && !AllowNonLoopback)
            {
                throw new ArgumentException(
                    $"akkarpc.remote.tcp.hostname {Hostname} is not loopback: other machines could reach this node. Set akkarpc.remote.allow-non-loopback = on to do that on purpose.");
            }
        }

        if (MaxFrameSize < 64 * 1024 || MaxFrameSize > int.MaxValue)
        {
            throw new ArgumentException($"akkarpc.remote.max-frame-size must be between 64KiB and 2GiB; it is {MaxFrameSize} bytes.");
        }

        if (MaxConnections < 1 || MaxQueuedBytes < MaxFrameSize || HandshakeTimeout <= TimeSpan.Zero || HeartbeatInterval <= TimeSpan.Zero || AcceptableHeartbeatPause <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                "akkarpc.remote: max-connections must be at least 1, max-queued-bytes at least max-frame-size, and handshake-timeout, heartbeat-interval and acceptable-heartbeat-pause positive.");
        }
    }

    /// <summary>
    /// Akka.Remote's settings for these options: our transports enabled and listening, untrusted mode (a remote
    /// <c>PoisonPill</c>, <c>Kill</c> or deployment never touches this node; only <see cref="TrustedPaths"/> answer
    /// selections), heartbeats. Only the keys these options set: the transports' other settings come from
    /// <see cref="AkkaRpcTransportConfig.Default"/>, which a system needs underneath (as a fallback, so an operator's own
    /// <c>akka.remote.rpc-*</c> settings win over it).
    /// </summary>
    public Config ToConfig()
    {
        Validate();
        var transports = EnabledTransports(tcpFirst: false);
        var common = $"""
            cookie-file = {Quote(CookiePath is null ? string.Empty : Path.GetFullPath(CookiePath))}
            maximum-frame-size = {MaxFrameSize}b
            max-connections = {MaxConnections}
            max-queued-bytes = {MaxQueuedBytes}b
            handshake-timeout = {Millis(HandshakeTimeout)}
            """;
        var hocon = $$"""
            akka {
              actor.provider = remote
              remote {
                enabled-transports = [{{string.Join(", ", transports)}}]
                untrusted-mode = on

                # Clients listen nowhere, so a node never connects out to one; a gate after a client's connection
                # failed would only hold back that client's reconnect (the same address, over a new connection).
                retry-gate-closed-for = 0s
                trusted-selection-paths = [{{string.Join(", ", TrustedPaths.Select(Quote))}}]
                # Death watch (a transaction's holder) and each connection's own liveness, on the same schedule: a
                # client whose process stopped answering with its connection open is given up after this pause.
                watch-failure-detector {
                  heartbeat-interval = {{Millis(HeartbeatInterval)}}
                  acceptable-heartbeat-pause = {{Millis(AcceptableHeartbeatPause)}}
                }
                transport-failure-detector {
                  heartbeat-interval = {{Millis(HeartbeatInterval)}}
                  acceptable-heartbeat-pause = {{Millis(AcceptableHeartbeatPause)}}
                }
                rpc-tcp {
                  listen = on
                  hostname = {{Quote(Hostname)}}
                  public-hostname = {{Quote(PublicHostname ?? string.Empty)}}
                  port = {{Port.ToString(CultureInfo.InvariantCulture)}}
                  port-search = {{PortSearch.ToString(CultureInfo.InvariantCulture)}}
                  allow-non-loopback = {{(AllowNonLoopback ? "on" : "off")}}
                  {{common}}
                }
                rpc-unix {
                  listen = on
                  socket-path = {{Quote(UnixSocket is null ? string.Empty : Path.GetFullPath(UnixSocket))}}
                  {{common}}
                }
              }
            }
            """;
        var dotNetty = DotNettyEnabled ? DotNettyTransport.Settings(DotNettyHostname, DotNettyPort, MaxFrameSize, tls: DotNettyCertificate is not null) : Config.Empty;
        return ConfigurationFactory.ParseString(hocon).WithFallback(dotNetty);
    }

    /// <summary>
    /// For a cluster member: the same transports with TCP first, since Akka.Cluster knows a member by its first
    /// transport's address, and the other members reach it over TCP (a Unix socket path means nothing to them).
    /// </summary>
    internal Config ClusterTransportOrder() =>
        ConfigurationFactory.ParseString($"akka.remote.enabled-transports = [{string.Join(", ", EnabledTransports(tcpFirst: true))}]");

    private List<string> EnabledTransports(bool tcpFirst)
    {
        var transports = new List<string>();
        if (TcpEnabled && tcpFirst)
        {
            transports.Add("\"akka.remote.rpc-tcp\"");
        }

        if (UnixSocket is not null)
        {
            transports.Add("\"akka.remote.rpc-unix\"");
        }

        if (TcpEnabled && !tcpFirst)
        {
            transports.Add("\"akka.remote.rpc-tcp\"");
        }

        if (DotNettyEnabled)
        {
            transports.Add("\"" + DotNettyTransport.Path + "\"");
        }

        return transports;
    }

    /// <summary>The TLS setup the system needs besides <see cref="ToConfig"/>, when DotNetty listens with a certificate; else null.</summary>
    /// <exception cref="InvalidOperationException">The certificate cannot be loaded.</exception>
    public Akka.Actor.Setup.Setup? ToSetup() =>
        DotNettyEnabled && DotNettyCertificate is { } certificate ? DotNettyTransport.Tls(Path.GetFullPath(certificate), DotNettyCertificatePassword) : null;

    private static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private static string Millis(TimeSpan value) => ((long)Math.Ceiling(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
