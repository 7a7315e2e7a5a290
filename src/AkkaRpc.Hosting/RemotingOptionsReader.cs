using System.Net;
using AkkaRpc.Remote;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Hosting;

/// <summary>Reads <see cref="RemotingOptions"/> from the <c>remote</c> section (HOCON <c>akkarpc.remote</c>).</summary>
public static class RemotingOptionsReader
{
    /// <summary>Reads the options from <paramref name="configuration"/> (keys relative to the <c>akkarpc</c> root); a bad value throws naming its key.</summary>
    public static RemotingOptions Read(IConfiguration configuration)
    {
        var d = new RemotingOptions();
        var t = d.Transport;
        var s = new SettingsReader(configuration, "remote");
        var tcp = new SettingsReader(configuration, "remote.tcp");
        var unix = new SettingsReader(configuration, "remote.unix");
        var host = tcp.String("hostname", t.BindAddress.ToString());
        var transport = new RemoteTransportOptions
        {
            BindAddress = host is "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var ip) ? ip
                : throw new InvalidOperationException($"Configuration key 'akkarpc.remote.tcp.hostname' must be an IP address (or localhost), not '{host}'."),
            Port = tcp.Int("port", t.Port, min: 0),
            AllowNonLoopbackBind = s.Bool("allow-non-loopback", t.AllowNonLoopbackBind),
            CookiePath = s.String("cookie-path", "") is { Length: > 0 } cookie ? cookie : t.CookiePath,
            MaxFrameSize = checked((int)s.Size("max-frame-size", t.MaxFrameSize)),
            MaxMessageSize = checked((int)s.Size("max-message-size", t.MaxMessageSize)),
            MaxConnections = s.Int("max-connections", t.MaxConnections, min: 1),
            MaxQueuedBytesPerConnection = s.Size("max-queued-bytes", t.MaxQueuedBytesPerConnection),
            HandshakeTimeout = s.Duration("handshake-timeout", t.HandshakeTimeout),
        };
        var options = d with
        {
            Transport = transport,
            ListenTcp = tcp.Bool("enabled", d.ListenTcp),
            TcpPortSearch = tcp.Int("port-search", d.TcpPortSearch, min: 1),
            UnixSocketPath = unix.String("socket", "") is { Length: > 0 } socket ? socket : null,
            HeartbeatInterval = s.Duration("heartbeat-interval", d.HeartbeatInterval),
            AcceptableHeartbeatPause = s.Duration("acceptable-heartbeat-pause", d.AcceptableHeartbeatPause),
            FailureDetectorThreshold = s.Int("failure-detector-threshold", (int)d.FailureDetectorThreshold, min: 1),
            ConnectTimeout = s.Duration("connect-timeout", d.ConnectTimeout),
            MaxPendingMessages = s.Int("max-pending-messages", d.MaxPendingMessages, min: 1),
            MaxPendingAsksPerConnection = s.Int("max-pending-asks", d.MaxPendingAsksPerConnection, min: 1),
        };
        options.Validate();
        return options;
    }
}
