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

    private readonly SocketConnection _connection;
    private readonly int _maxFrameSize;
    private readonly int _sendFrameLimit;
    private readonly ILoggingAdapter _log;
    private readonly Action<RpcAssociationHandle> _released;
    private readonly TaskCompletionSource _closeRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionException> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionException? _closeReason;
    private IHandleEventListener? _listener;

    public RpcAssociationHandle(
        Address localAddress, Address remoteAddress, SocketConnection connection, PeerInfo peer, bool inbound, int maxFrameSize, ILoggingAdapter log, Action<RpcAssociationHandle> released)
        : base(localAddress, remoteAddress)
    {
        _connection = connection;
        _maxFrameSize = maxFrameSize;
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
        while (true)
        {
            ReadResult result = await input.ReadAsync().ConfigureAwait(false);
            if (result.IsCanceled && Volatile.Read(ref _closeReason) is { } closing)
            {
                input.AdvanceTo(result.Buffer.Start);
                return closing;
            }

            ReadOnlySequence<byte> buffer = result.Buffer;
            try
            {
                while (FrameReader.TryRead(ref buffer, _maxFrameSize, out FrameType type, out ReadOnlySequence<byte> payload))
                {
                    if (type != FrameType.Pdu)
                    {
                        throw ProtocolErrors.Violation($"unexpected {type} frame after the handshake");
                    }

                    // Akka keeps the ByteString past this call, so it gets its own copy; wrapping skips a second one.
                    listener.Notify(new InboundPayload(UnsafeByteOperations.UnsafeWrap(payload.ToArray())));
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
        }
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

            // Every end is reported, Akka's own Disassociate included, as its DotNetty handle does.
            Volatile.Read(ref _listener)?.Notify(new Disassociated(reason.Kind == FailureKind.LocalClose ? DisassociateInfo.Shutdown : DisassociateInfo.Unknown));
        }
    }
}
