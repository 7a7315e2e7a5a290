using System.Net;
using Akka.Configuration;

namespace AkkaRpc.Transport;

/// <summary>One transport's settings, read from its config section with <see cref="AkkaRpcTransportConfig.Default"/> underneath.</summary>
internal sealed record TransportSettings
{
    /// <summary>The smallest allowed frame limit: every handshake frame must fit.</summary>
    public const int MinFrameSize = 1024;

    public required bool Listen { get; init; }

    public required string Hostname { get; init; }

    /// <summary>Gets the host name other systems address this one by, when it is not the bound address (a container's service name); null means the bound address.</summary>
    public string? PublicHostname { get; init; }

    public required int Port { get; init; }

    public required int PortSearch { get; init; }

    public required bool AllowNonLoopback { get; init; }

    public required string? SocketPath { get; init; }

    public required string CookieFile { get; init; }

    public required int MaximumFrameSize { get; init; }

    public required TimeSpan HandshakeTimeout { get; init; }

    public required int MaxHandshakingConnections { get; init; }

    public required int MaxConnections { get; init; }

    /// <summary>Gets how many handshake slots one source (a remote IP over TCP, a peer process over a Unix socket) may hold.</summary>
    public required int MaxHandshakingPerSource { get; init; }

    /// <summary>Gets how long an inbound connection may stay connected without sending a byte before it is closed.</summary>
    public required TimeSpan SilentTimeout { get; init; }

    /// <summary>Gets the interval over which refused and failed unauthenticated peers are summed into one log line.</summary>
    public required TimeSpan RefusalLogInterval { get; init; }

    /// <summary>Gets how long a started frame may go without progress before its connection is closed.</summary>
    public required TimeSpan PartialFrameTimeout { get; init; }

    /// <summary>Gets the node-wide budget for received, not yet delivered bytes of large frames.</summary>
    public required long MaxInboundBufferedBytes { get; init; }

    public required long MaxQueuedBytes { get; init; }

    public required TimeSpan WriteStallTimeout { get; init; }

    public required int Backlog { get; init; }

    /// <summary>Gets the clock for handshake and stall timeouts; tests replace it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Reads <paramref name="section"/> (a transport's section) over the defaults of <paramref name="defaultsPath"/>.</summary>
    /// <exception cref="ConfigurationException">A key is out of range; the message names it.</exception>
    public static TransportSettings Read(Config section, string defaultsPath)
    {
        Config config = (section ?? Config.Empty).WithFallback(AkkaRpcTransportConfig.Default.GetConfig(defaultsPath));
        string cookie = config.GetString("cookie-file", string.Empty);
        string socketPath = config.GetString("socket-path", string.Empty);
        var settings = new TransportSettings
        {
            Listen = config.GetBoolean("listen", true),
            Hostname = config.GetString("hostname", "127.0.0.1"),
            PublicHostname = config.GetString("public-hostname", string.Empty) is { Length: > 0 } publicHost ? publicHost : null,
            Port = config.GetInt("port", 0),
            PortSearch = config.GetInt("port-search", 1),
            AllowNonLoopback = config.GetBoolean("allow-non-loopback", false),
            SocketPath = string.IsNullOrWhiteSpace(socketPath) ? null : socketPath,
            CookieFile = string.IsNullOrWhiteSpace(cookie) ? AkkaRpc.Transport.CookieFile.DefaultPath : cookie,
            MaximumFrameSize = ToInt(config.GetByteSize("maximum-frame-size", 16 * 1024 * 1024), "maximum-frame-size"),
            HandshakeTimeout = config.GetTimeSpan("handshake-timeout", TimeSpan.FromSeconds(5), allowInfinite: false),
            MaxHandshakingConnections = config.GetInt("max-handshaking-connections", 64),
            MaxConnections = config.GetInt("max-connections", 1024),
            MaxHandshakingPerSource = config.GetInt("max-handshaking-per-source", 32),
            SilentTimeout = config.GetTimeSpan("silent-timeout", TimeSpan.FromSeconds(2), allowInfinite: false),
            RefusalLogInterval = config.GetTimeSpan("refusal-log-interval", TimeSpan.FromSeconds(10), allowInfinite: false),
            PartialFrameTimeout = config.GetTimeSpan("partial-frame-timeout", TimeSpan.FromSeconds(30), allowInfinite: false),
            MaxInboundBufferedBytes = config.GetByteSize("max-inbound-buffered-bytes", 256L * 1024 * 1024) ?? 0,
            MaxQueuedBytes = config.GetByteSize("max-queued-bytes", 32 * 1024 * 1024) ?? 0,
            WriteStallTimeout = config.GetTimeSpan("write-stall-timeout", TimeSpan.FromSeconds(30), allowInfinite: false),
            Backlog = config.GetInt("backlog", 512),
        };
        settings.Validate();
        return settings;
    }

    private static int ToInt(long? bytes, string key) =>
        bytes is null or > int.MaxValue ? throw new ConfigurationException($"{key} must be at most {int.MaxValue} bytes.") : (int)bytes.Value;

    private void Validate()
    {
        Require(MaximumFrameSize >= MinFrameSize, $"maximum-frame-size must be at least {MinFrameSize} bytes (is {MaximumFrameSize})");
        Require(HandshakeTimeout > TimeSpan.Zero, "handshake-timeout must be positive");
        Require(MaxHandshakingConnections >= 1, "max-handshaking-connections must be at least 1");
        Require(MaxConnections >= 1, "max-connections must be at least 1");
        Require(MaxHandshakingPerSource >= 1, "max-handshaking-per-source must be at least 1");
        Require(SilentTimeout > TimeSpan.Zero, "silent-timeout must be positive");
        Require(RefusalLogInterval > TimeSpan.Zero, "refusal-log-interval must be positive");
        Require(PartialFrameTimeout > TimeSpan.Zero, "partial-frame-timeout must be positive");
        Require(
            MaxInboundBufferedBytes >= MaximumFrameSize + (long)Framing.FrameLayout.HeaderSize,
            $"max-inbound-buffered-bytes ({MaxInboundBufferedBytes}) must be at least maximum-frame-size ({MaximumFrameSize}) plus its 5-byte header, so one frame always fits");
        Require(MaxQueuedBytes >= MaximumFrameSize, $"max-queued-bytes ({MaxQueuedBytes}) must be at least maximum-frame-size ({MaximumFrameSize}), so one frame always fits");
        Require(WriteStallTimeout > TimeSpan.Zero, "write-stall-timeout must be positive");
        Require(Port is >= 0 and <= IPEndPoint.MaxPort, $"port must be 0..{IPEndPoint.MaxPort} (is {Port})");
        Require(PortSearch >= 1 && (Port == 0 || Port + PortSearch - 1 <= IPEndPoint.MaxPort), $"port-search must be at least 1 and end at or below port {IPEndPoint.MaxPort}");
        Require(Backlog >= 1, "backlog must be at least 1");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ConfigurationException("AkkaRpc transport: " + message + ".");
        }
    }
}
