using System.Net;

namespace AkkaRpc.Remote;

/// <summary>Settings for remote connections and listeners; the defaults suit same-user local use.</summary>
public sealed class RemoteTransportOptions
{
    /// <summary>Gets the wire protocol version this build speaks.</summary>
    public const ushort ProtocolVersion = 1;

    /// <summary>Gets or sets the name of the local actor system, sent in the handshake (1 to 255 UTF-8 bytes).</summary>
    public string SystemName { get; set; } = "akkarpc";

    /// <summary>Gets or sets the unique id of this node incarnation, sent in the handshake; random by default.</summary>
    public long NodeUid { get; set; } = Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>Gets or sets the largest frame payload accepted or sent, in bytes (default 1 MiB).</summary>
    public int MaxFrameSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the largest message accepted or sent, in bytes; bigger than a frame means chunked (default 16 MiB).</summary>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Gets or sets how many chunked messages may be half-received at once on one connection (default 16).</summary>
    public int MaxOpenChunkStreams { get; set; } = 16;

    /// <summary>Gets or sets how long a handshake may take before the connection is closed (default 5 s).</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how many connections, authenticated or handshaking, a listener serves at once (default 1024).</summary>
    public int MaxConnections { get; set; } = 1024;

    /// <summary>Gets or sets how many outbound bytes may wait for a slow peer before its connection is dropped (default 64 MiB).</summary>
    public long MaxQueuedBytesPerConnection { get; set; } = 64L * 1024 * 1024;

    /// <summary>Gets or sets how many received messages may wait for the application before reading from the socket pauses (default 1024).</summary>
    public int ReceiveQueueCapacity { get; set; } = 1024;

    /// <summary>Gets or sets the cookie file; null means <see cref="RemoteCookie.DefaultPath"/>.</summary>
    public string? CookiePath { get; set; }

    /// <summary>Gets or sets the TCP address a listener binds (default 127.0.0.1).</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Gets or sets whether a listener may bind a non-loopback address; off so a node is never exposed by accident.</summary>
    public bool AllowNonLoopbackBind { get; set; }

    /// <summary>Gets or sets the TCP port a listener binds; 0 picks a free port, reported by <see cref="TransportListener.LocalEndPoint"/>.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets a Unix domain socket path; when set, a listener uses it instead of TCP.</summary>
    public string? UnixSocketPath { get; set; }

    /// <summary>Gets or sets the clock for the handshake timeout; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A copy to change without touching this instance (each listener gets its own).</summary>
    public RemoteTransportOptions Clone() => (RemoteTransportOptions)MemberwiseClone();

    /// <summary>Throws when a setting is out of range, naming the setting.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(SystemName, nameof(SystemName));
        if (System.Text.Encoding.UTF8.GetByteCount(SystemName) > 255)
        {
            throw new ArgumentException("SystemName must be at most 255 UTF-8 bytes.", nameof(SystemName));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameSize, Framing.FrameLayout.MinMaxFrameSize, nameof(MaxFrameSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageSize, 1, nameof(MaxMessageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOpenChunkStreams, 1, nameof(MaxOpenChunkStreams));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HandshakeTimeout, TimeSpan.Zero, nameof(HandshakeTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveQueueCapacity, 1, nameof(ReceiveQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort, nameof(Port));
        ArgumentNullException.ThrowIfNull(BindAddress, nameof(BindAddress));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));

        // A chunked message is written to the outbound queue whole, so the queue must hold the largest one.
        long largestMessageOnWire = MaxMessageSize + (((long)MaxMessageSize / (MaxFrameSize - Framing.FrameLayout.ChunkHeaderSize)) + 1)
            * (Framing.FrameLayout.HeaderSize + Framing.FrameLayout.ChunkHeaderSize);
        if (MaxQueuedBytesPerConnection < largestMessageOnWire)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxQueuedBytesPerConnection),
                MaxQueuedBytesPerConnection,
                $"MaxQueuedBytesPerConnection must be at least {largestMessageOnWire} so one message of MaxMessageSize ({MaxMessageSize}) fits in the outbound queue.");
        }
    }
}
