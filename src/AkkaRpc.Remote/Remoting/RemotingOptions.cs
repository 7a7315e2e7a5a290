namespace AkkaRpc.Remote;

/// <summary>How a node takes part in remoting: its listeners and its failure detection.</summary>
public sealed record RemotingOptions
{
    /// <summary>Frame and message limits, cookie, bind address and TCP port (0 picks a free one); shared by every listener and outbound connection.</summary>
    public RemoteTransportOptions Transport { get; init; } = new();

    /// <summary>Listen on TCP at <see cref="RemoteTransportOptions.BindAddress"/>:<see cref="RemoteTransportOptions.Port"/>. Default true.</summary>
    public bool ListenTcp { get; init; } = true;

    /// <summary>
    /// How many TCP ports to try, from <see cref="RemoteTransportOptions.Port"/> up, binding the first free one (a
    /// taken one is skipped); all taken is an error naming the range. Default 1: that port or nothing. Ignored for port 0.
    /// </summary>
    public int TcpPortSearch { get; init; } = 1;

    /// <summary>Also listen on this Unix socket path; null for none.</summary>
    public string? UnixSocketPath { get; init; }

    /// <summary>How often each connection sends a heartbeat. Default 1 s, as Akka's.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long heartbeats may be late before the peer is considered dead. Default 10 s, as Akka's remote watch.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The phi threshold of the failure detector. Default 10, as Akka's.</summary>
    public double FailureDetectorThreshold { get; init; } = 10.0;

    /// <summary>How long an outbound connection may take, handshake included. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages queued for a node while its connection is being made; more are refused. Default 10,000.</summary>
    public int MaxPendingMessages { get; init; } = 10_000;

    /// <summary>Asks that may wait for a reply over one connection at once; a further ask fails at once. Default 10,000.</summary>
    public int MaxPendingAsksPerConnection { get; init; } = 10_000;

    /// <summary>Checks that every value is in range.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        Transport.Validate();
        if (HeartbeatInterval <= TimeSpan.Zero || AcceptableHeartbeatPause <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(HeartbeatInterval)}, {nameof(AcceptableHeartbeatPause)} and {nameof(ConnectTimeout)} must be positive.");
        }

        if (TcpPortSearch < 1 || (long)Transport.Port + TcpPortSearch - 1 > 65535)
        {
            throw new ArgumentException(
                $"{nameof(TcpPortSearch)} must be at least 1 and keep the range within port 65535; port {Transport.Port} with a search of {TcpPortSearch} does not.");
        }

        if (FailureDetectorThreshold <= 0 || MaxPendingMessages < 1 || MaxPendingAsksPerConnection < 1)
        {
            throw new ArgumentException($"{nameof(FailureDetectorThreshold)}, {nameof(MaxPendingMessages)} and {nameof(MaxPendingAsksPerConnection)} must be positive.");
        }
    }
}
