using System.Buffers;
using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote;

/// <summary>
/// One connection to a peer node and everything scoped to it: path-compression tables, asks waiting for a reply
/// over it, local watchers of the peer's actors, and the failure detector. When it closes, every such ask fails at
/// once ("outcome unknown") and every watcher gets <see cref="Terminated"/> with <c>AddressTerminated</c>.
/// </summary>
internal sealed partial class Link : IActorRefCodec
{
    private const int MaxCompressedRefs = 4096;

    private readonly Association _association;
    private readonly RemoteConnection _connection;
    private readonly Remoting _remoting;
    private readonly ILogger _logger;
    private readonly Lock _send = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Dictionary<IActorRef, int> _outReaderIds = [];
    private readonly Dictionary<IActorRef, int> _outWriterIds = [];
    private readonly List<(Dictionary<IActorRef, int> Table, IActorRef Ref)> _definedInFrame = [];
    private readonly List<IActorRef?> _inReaderRefs = [];
    private readonly List<RemoteActorRef?> _inWriterRefs = [];
    private readonly HashSet<IPromiseRef> _pendingAsks = [];
    private readonly Dictionary<RemoteActorRef, HashSet<IActorRef>> _watchers = [];

    // Local actors the peer's actors watch; when the peer goes, they are unwatched (as Akka does on AddressTerminated).
    private readonly HashSet<(InternalActorRef Watchee, RemoteActorRef Watcher)> _watchedByPeer = [];
    private readonly PhiAccrualFailureDetector _detector;
    private ITimer? _heartbeat;
    private int _closed;
    private long _bytesSent;
    private string? _peerReason;
    private bool _broken;

    public Link(Association association, RemoteConnection connection, Remoting remoting)
    {
        _association = association;
        _connection = connection;
        _remoting = remoting;
        _logger = remoting.Logger;
        var options = remoting.Options;
        _detector = new PhiAccrualFailureDetector(options.FailureDetectorThreshold, options.HeartbeatInterval, options.AcceptableHeartbeatPause, remoting.System.TimeProvider);
    }

    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    public RemoteConnection Connection => _connection;

    /// <summary>Message bytes handed to the connection so far (for diagnostics and tests).</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>References sent as compressed ids so far, in both directions of reference.</summary>
    public int CompressedRefs
    {
        get
        {
            lock (_send)
            {
                return _outReaderIds.Count + _outWriterIds.Count;
            }
        }
    }

    private ActorSystem System => _remoting.System;

    public void Start()
    {
        var interval = _remoting.Options.HeartbeatInterval;
        _heartbeat = System.TimeProvider.CreateTimer(static s => ((Link)s!).OnHeartbeatTimer(), this, interval, interval);
        _ = Task.Run(ReadLoopAsync);
    }

    /// <summary>Closes the connection; pending asks and watchers are told when the close completes.</summary>
    public void Close(RemoteTransportException reason) => _connection.Abort(reason);

    /// <summary>Tells the peer why, then closes after the frames already queued ("break, don't guess").</summary>
    public void Disconnect(string reason)
    {
        lock (_send)
        {
            _buffer.ResetWrittenCount();
            var writer = new WireWriter(_buffer);
            writer.WriteByte((byte)WireKind.Disconnect);
            writer.WriteString(reason);
            Transmit();
        }

        _ = _connection.DisposeAsync().AsTask();
    }

    private void OnHeartbeatTimer()
    {
        if (!IsOpen)
        {
            return;
        }

        if (!_detector.IsAvailable)
        {
            var silence = _detector.Silence;
            Close(new RemoteTransportException(TransportFailureKind.HeartbeatTimeout, $"no heartbeat from {_association.RemoteAddress} for {silence.TotalSeconds:0.#} s; the node is considered dead"));
            return;
        }

        lock (_send)
        {
            _buffer.ResetWrittenCount();
            _buffer.GetSpan(1)[0] = (byte)WireKind.Heartbeat;
            _buffer.Advance(1);
            Transmit();
        }
    }

    /// <summary>Sends what is in <see cref="_buffer"/>; call under <see cref="_send"/>. False if the connection is closed.</summary>
    private bool Transmit()
    {
        _bytesSent += _buffer.WrittenCount; // Under the send lock.
        var sent = _connection.SendAsync(_buffer.WrittenMemory);
        if (sent.IsCompletedSuccessfully)
        {
            return true;
        }

        // SendAsync only queues, so it completes at once: a fault means the connection is closed or overflowed.
        try
        {
            sent.GetAwaiter().GetResult();
            return true;
        }
        catch (RemoteTransportException)
        {
            return false;
        }
    }
}
