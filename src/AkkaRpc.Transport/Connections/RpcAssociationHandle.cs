using System.Buffers;
using System.IO.Pipelines;
using Akka.Actor;
using Akka.Event;
using Akka.Remote.Transport;
using AkkaRpc.Transport.Framing;
using AkkaRpc.Transport.Handshake;
using Google.Protobuf;

namespace AkkaRpc.Transport.Connections;

/// <summary>
/// One authenticated connection as Akka.Remote sees it: <see cref="Write"/> queues a PDU frame, and a read loop,
/// started once Akka registers its listener (until then bytes wait in the socket, so TCP pushes back), hands each
/// received PDU to that listener. The connection ends once, with one logged reason and one <see cref="Disassociated"/>.
/// </summary>
internal sealed class RpcAssociationHandle : AssociationHandle
{
    /// <summary>How long a graceful close waits for the peer to close its side before tearing the socket down.</summary>
    public static readonly TimeSpan CloseLinger = TimeSpan.FromSeconds(2);

    // A started frame must gain this much (or its rest) per partial-frame-timeout: a trickle does not keep it alive.
    private const long FrameProgressUnit = 1024 * 1024;

    private readonly SocketConnection _connection;
    private readonly int _maxFrameSize;
    private readonly TimeSpan _partialFrameTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly InboundBudget _budget;
    private readonly int _sendFrameLimit;
    private readonly ILoggingAdapter _log;
    private readonly Action<RpcAssociationHandle> _released;
    private readonly TaskCompletionSource _closeRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionException> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionException? _closeReason;
    private long _unreservedOnClose;
    private bool _stalled;
    private IHandleEventListener? _listener;

    public RpcAssociationHandle(
        Address localAddress,
        Address remoteAddress,
        SocketConnection connection,
        PeerInfo peer,
        bool inbound,
        TransportSettings settings,
        InboundBudget budget,
        ILoggingAdapter log,
        Action<RpcAssociationHandle> released)
        : base(localAddress, remoteAddress)
    {
        _connection = connection;
        _maxFrameSize = settings.MaximumFrameSize;
        _partialFrameTimeout = settings.PartialFrameTimeout;
        _timeProvider = settings.TimeProvider;
        _budget = budget;
        _sendFrameLimit = peer.SendFrameLimit;
        _log = log;
        _released = released;
        IsInbound = inbound;
    }

    /// <summary>Gets whether the peer opened this connection.</summary>
    public bool IsInbound { get; }

    /// <summary>Gets the connection underneath, for tests and diagnostics.</summary>
    public SocketConnection Connection => _connection;

    /// <summary>Gets a task that completes, once the socket is released, with the reason the connection closed.</summary>
    public Task<ConnectionException> Closed => _closed.Task;

    /// <summary>Starts the read loop; frames are read once Akka has registered a listener.</summary>
    public void Start() => _ = Task.Run(ReadLoopAsync);

    /// <inheritdoc />
    public override bool Write(ByteString payload)
    {
        if (payload.Length > _sendFrameLimit)
        {
            // Akka.Remote only checks our own limit; a peer with a smaller one would drop us, so drop this PDU instead.
            // True keeps Akka from retrying a write that can never succeed.
            _log.Error(
                "Discarding a {0}-byte PDU to {1}: the peer accepts frames of at most {2} bytes (association remains live)",
                payload.Length, RemoteAddress, _sendFrameLimit);
            return true;
        }

        return _connection.TrySend(FrameType.Pdu, payload.Span);
    }

#pragma warning disable CS0672 // Akka calls this overload (through Disassociate(reason, log)); it is obsolete only for callers.
    /// <inheritdoc />
    public override void Disassociate() =>
#pragma warning restore CS0672
        Close(new ConnectionException(FailureKind.LocalClose, "Akka.Remote disassociated"), graceful: true);

    /// <summary>Closes because this side found a fault or is shutting down; queued frames are dropped unless graceful.</summary>
    public void Close(ConnectionException reason, bool graceful)
    {
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is not null)
        {
            return;
        }

        if (reason.IsOrderly)
        {
            _log.Info("AkkaRpc connection {0} to {1} closed: {2}", _connection.Name, RemoteAddress, reason.Message);
        }
        else
        {
            _log.Warning("AkkaRpc connection {0} to {1} dropped: {2}", _connection.Name, RemoteAddress, reason.Message);
        }

        // Wake the read loop, whether it waits for a listener or for bytes, so it completes the input and the close can drain.
        _closeRequested.TrySetResult();
        _connection.Input.CancelPendingRead();
        _ = ReleaseAsync(reason, graceful);
    }

    private async Task ReadLoopAsync()
    {
        ConnectionException reason;
        PipeReader input = _connection.Input;
        try
        {
            Task registered = await Task.WhenAny(ReadHandlerSource.Task, _closeRequested.Task).ConfigureAwait(false);
            reason = registered == ReadHandlerSource.Task && ReadHandlerSource.Task.IsCompletedSuccessfully
                ? await ReadFramesAsync(input, ReadHandlerSource.Task.Result).ConfigureAwait(false)
                : Volatile.Read(ref _closeReason) ?? new ConnectionException(FailureKind.LocalClose, "closed before Akka.Remote registered a reader");
        }
        catch (ConnectionException ex)
        {
            reason = ex;
        }
        catch (Exception ex)
        {
            reason = new ConnectionException(FailureKind.ConnectionAborted, $"unexpected error while reading: {ex.Message}", ex);
        }
        finally
        {
            // Only the reader may complete the input; doing it here lets a graceful close drain the socket.
            await input.CompleteAsync().ConfigureAwait(false);
        }

        // Protocol faults break the connection at once ("break, don't guess"); a peer's clean close is answered cleanly.
        Close(reason, graceful: reason.Kind is FailureKind.PeerClosed);
    }

    private async Task<ConnectionException> ReadFramesAsync(PipeReader input, IHandleEventListener listener)
    {
        Volatile.Write(ref _listener, listener);

        // Armed while a frame is partly received; fires when it stops making progress (see FrameProgressUnit). It
        // wakes the read as a close does (CancelPendingRead), so no read of the hot path pays for a cancellation token.
        using ITimer stalled = _timeProvider.CreateTimer(
            static state =>
            {
                var handle = (RpcAssociationHandle)state!;
                Volatile.Write(ref handle._stalled, true);
                handle._connection.Input.CancelPendingRead();
            },
            this,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        var partial = default(PartialFrame);
        try
        {
            while (true)
            {
                ReadResult result = await input.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled && Volatile.Read(ref _stalled) && Volatile.Read(ref _closeReason) is null)
                {
                    input.AdvanceTo(result.Buffer.Start);
                    return new ConnectionException(
                        FailureKind.FrameStalled,
                        $"a {(partial.Length > 0 ? partial.Length + "-byte" : "started")} frame stalled: {partial.Mark} of its bytes arrived and fewer than " +
                        $"{FrameProgressUnit} more in the last {_partialFrameTimeout.TotalSeconds:0.###} s (partial-frame-timeout)");
                }

                if (result.IsCanceled && Volatile.Read(ref _closeReason) is { } closing)
                {
                    input.AdvanceTo(result.Buffer.Start);
                    return closing;
                }

                ReadOnlySequence<byte> buffer = result.Buffer;
                long declared = 0;
                try
                {
                    bool delivered = false;
                    while (FrameReader.TryRead(ref buffer, _maxFrameSize, out FrameType type, out ReadOnlySequence<byte> payload, out declared))
                    {
                        if (type != FrameType.Pdu)
                        {
                            throw ProtocolErrors.Violation($"unexpected {type} frame after the handshake");
                        }

                        // Akka keeps the ByteString past this call, so it gets its own copy; wrapping skips a second one.
                        listener.Notify(new InboundPayload(UnsafeByteOperations.UnsafeWrap(payload.ToArray())));
                        delivered = true;
                    }

                    if (delivered)
                    {
                        // The frame that was partial (the first one) is handed over: its reservation and timer end with it.
                        EndPartial(ref partial, stalled);
                    }

                    if (result.IsCompleted)
                    {
                        return buffer.IsEmpty
                            ? new ConnectionException(FailureKind.PeerClosed, "the peer closed the connection")
                            : ProtocolErrors.Truncated(buffer.Length);
                    }
                }
                finally
                {
                    input.AdvanceTo(buffer.Start, buffer.End);
                }

                if (!buffer.IsEmpty && !await TrackPartialAsync(ref partial, buffer.Length, declared, stalled).ConfigureAwait(false))
                {
                    return Volatile.Read(ref _closeReason) ?? new ConnectionException(FailureKind.LocalClose, "the connection was closed locally");
                }
            }
        }
        finally
        {
            EndPartial(ref partial, stalled);
        }
    }

    /// <summary>
    /// Arms or re-arms the stall timer for the partly received frame at the head of the buffer, and reserves a large
    /// frame's size in the node-wide budget; when it does not fit, the socket is not read until it does. False means
    /// the connection closed while waiting.
    /// </summary>
    private ValueTask<bool> TrackPartialAsync(ref PartialFrame partial, long buffered, long declared, ITimer stalled)
    {
        if (!partial.Started)
        {
            partial = new PartialFrame(Started: true, Length: declared, Mark: buffered, Reserved: 0);
            Arm(stalled, _partialFrameTimeout);
        }
        else if (buffered - partial.Mark >= Math.Min(FrameProgressUnit, Math.Max(1, partial.Length - partial.Mark)))
        {
            partial = partial with { Mark = buffered };
            Arm(stalled, _partialFrameTimeout);
        }

        if (partial.Length == 0 && declared > 0)
        {
            partial = partial with { Length = declared };
        }

        if (partial.Reserved > 0 || partial.Length <= InboundBudget.UnbudgetedFrameSize)
        {
            return ValueTask.FromResult(true);
        }

        if (_budget.TryReserve(partial.Length))
        {
            partial = partial with { Reserved = partial.Length };
            return ValueTask.FromResult(true);
        }

        long length = partial.Length;
        partial = partial with { Reserved = length };
        return new ValueTask<bool>(WaitForBudgetAsync(length, stalled));
    }

    private async Task<bool> WaitForBudgetAsync(long length, ITimer stalled)
    {
        // Waiting is the node's doing, not the peer's: the stall timer rests meanwhile.
        Arm(stalled, Timeout.InfiniteTimeSpan);
        _connection.PauseReceiving();
        if (_log.IsDebugEnabled)
        {
            _log.Debug("AkkaRpc connection {0}: a {1}-byte frame waits for the inbound budget ({2} of {3} bytes reserved)", _connection.Name, length, _budget.Reserved, _budget.Limit);
        }

        bool reserved = await _budget.ReserveAsync(length, _closeRequested.Task).ConfigureAwait(false);
        _connection.ResumeReceiving();
        Arm(stalled, _partialFrameTimeout);
        if (!reserved)
        {
            // Nothing was reserved; the caller must not release it.
            Interlocked.Exchange(ref _unreservedOnClose, length);
        }

        return reserved;
    }

    private void Arm(ITimer stalled, TimeSpan dueTime)
    {
        // A tick that fired just before a disarm is void: the frame it was about moved on.
        Volatile.Write(ref _stalled, false);
        stalled.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    private void EndPartial(ref PartialFrame partial, ITimer stalled)
    {
        if (!partial.Started)
        {
            return;
        }

        long reserved = partial.Reserved - Interlocked.Exchange(ref _unreservedOnClose, 0);
        if (reserved > 0)
        {
            _budget.Release(reserved);
        }

        partial = default;
        Arm(stalled, Timeout.InfiniteTimeSpan);
    }

    private async Task ReleaseAsync(ConnectionException reason, bool graceful)
    {
        try
        {
            if (graceful)
            {
                await _connection.CloseAsync(CloseLinger).ConfigureAwait(false);
            }
            else
            {
                _connection.Abort(reason);
                await _connection.Completion.ConfigureAwait(false);
            }
        }
        finally
        {
            _released(this);
            _closed.TrySetResult(reason);

            // Every end is reported, Akka's own Disassociate included, as its DotNetty handle does: also to a listener
            // Akka registered just before the close, which the read loop had not taken up yet.
            IHandleEventListener? listener = Volatile.Read(ref _listener)
                ?? (ReadHandlerSource.Task.IsCompletedSuccessfully ? ReadHandlerSource.Task.Result : null);
            listener?.Notify(new Disassociated(reason.Kind == FailureKind.LocalClose ? DisassociateInfo.Shutdown : DisassociateInfo.Unknown));
        }
    }
}

/// <summary>The frame at the head of a connection's input while it is only partly received.</summary>
/// <param name="Started">Whether a frame is partly received.</param>
/// <param name="Length">Its whole length with the header, once the header is in; 0 before.</param>
/// <param name="Mark">The bytes buffered when it last made progress.</param>
/// <param name="Reserved">The bytes it holds (or waits for) in the inbound budget.</param>
internal readonly record struct PartialFrame(bool Started, long Length, long Mark, long Reserved);
