using Akka.Configuration;
using AkkaRpc.Client;

namespace AkkaRpc.Hosting;

/// <summary>Reads <see cref="NodeTransportOptions"/> from HOCON <c>akkarpc.remote</c>.</summary>
public static class NodeTransportOptionsReader
{
    /// <summary>Reads the options from <paramref name="config"/>; a bad value throws naming its key.</summary>
    public static NodeTransportOptions Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new NodeTransportOptions();
        var remote = new SettingsReader(config, "akkarpc.remote");
        var tcp = new SettingsReader(config, "akkarpc.remote.tcp");
        var unix = new SettingsReader(config, "akkarpc.remote.unix");
        var dotNetty = new SettingsReader(config, "akkarpc.remote.dotnetty");
        var options = new NodeTransportOptions
        {
            TcpEnabled = tcp.Bool("enabled", d.TcpEnabled),
            Hostname = tcp.String("hostname", d.Hostname),
            PublicHostname = tcp.String("public-hostname", "") is { Length: > 0 } publicHost ? publicHost : null,
            Port = tcp.Int("port", d.Port, min: 0),
            PortSearch = tcp.Int("port-search", d.PortSearch, min: 1),
            UnixSocket = unix.String("socket", "") is { Length: > 0 } socket ? socket : null,
            AllowNonLoopback = remote.Bool("allow-non-loopback", d.AllowNonLoopback),
            CookiePath = remote.String("cookie-path", "") is { Length: > 0 } cookie ? cookie : null,
            MaxFrameSize = remote.Size("max-frame-size", d.MaxFrameSize),
            MaxConnections = remote.Int("max-connections", d.MaxConnections, min: 1),
            MaxQueuedBytes = remote.Size("max-queued-bytes", d.MaxQueuedBytes),
            HandshakeTimeout = remote.Duration("handshake-timeout", d.HandshakeTimeout),
            HeartbeatInterval = remote.Duration("heartbeat-interval", d.HeartbeatInterval),
            AcceptableHeartbeatPause = remote.Duration("acceptable-heartbeat-pause", d.AcceptableHeartbeatPause),
            DotNettyEnabled = dotNetty.Bool("enabled", d.DotNettyEnabled),
            DotNettyHostname = dotNetty.String("hostname", d.DotNettyHostname),
            DotNettyPort = dotNetty.Int("port", d.DotNettyPort, min: 0),
            DotNettyCertificate = dotNetty.String("certificate", "") is { Length: > 0 } certificate ? certificate : null,
            DotNettyCertificatePassword = dotNetty.String("certificate-password", "") is { Length: > 0 } password ? password : null,
        };
        options.Validate();
        return options;
    }
}
