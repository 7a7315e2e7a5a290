using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Threading.Channels;
using AkkaRpc.Remote.Framing;
using AkkaRpc.Remote.Handshake;
using AkkaRpc.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote;

/// <summary>
/// An authenticated connection to another node: send message payloads, read the ones received, and learn
/// why it closed. Payloads are opaque here; the codec layer above writes and reads them.
/// </summary>
public sealed class RemoteConnection : IAsyncDisposable
{
    private readonly SocketConnection _socket;
    private readonly RemoteTransportOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<ReadOnlyMemory<byte>> _received;
    private readonly ChunkReassembler _reassembler;
    private readonly TaskCompletionSource<RemoteTransportException> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _sendFrameLimit;
    private readonly Action? _released;
    private RemoteTransportException? _closeReason;
    private readonly Lock _handlerGate = new();
    private MessageHandler? _handler;

    internal RemoteConnection(SocketConnection socket, PeerInfo peer, RemoteTransportOptions options, ILogger logger, Action? released)
    {
        _released = released;
        _socket = socket;
        _options = options;
        _logger = logger;
        _sendFrameLimit = peer.SendFrameLimit;
        RemoteSystemName = peer.SystemName;
        RemoteUid = peer.Uid;
        _reassembler = new ChunkReassembler(options.MaxMessageSize, options.MaxOpenChunkStreams);
        _received = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(options.ReceiveQueueCapacity)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Gets the actor system name the peer gave in the handshake.</summary>
    public string RemoteSystemName { get; }

    /// <summary>Gets the peer node's incarnation uid.</summary>
    public long RemoteUid { get; }

    /// <summary>Gets the socket connection underneath, for tests and diagnostics.</summary>
    internal SocketConnection Transport => _socket;

    /// <summary>Gets the peer's socket address, when known.</summary>
    public EndPoint? RemoteEndPoint => _socket.RemoteEndPoint;

    /// <summary>
    /// Gets the received message payloads in arrival order. It completes when the connection closes: normally
    /// after a clean close, with the <see cref="RemoteTransportException"/> otherwise.
    /// </summary>
    public ChannelReader<ReadOnlyMemory<byte>> Received => _received.Reader;

    /// <summary>Receives one message payload; it is valid only during the call.</summary>
    public delegate void MessageHandler(in ReadOnlySequence<byte> message);

    /// <summary>
    /// From now on, hands each received message to <paramref name="handler"/> on the connection's read loop instead
    /// of queuing it in <see cref="Received"/>: no copy and no thread hop. Messages already queued go to it first, so
    /// the order holds. The handler must not block; an exception from it closes the connection.
    /// </summary>
    public void Deliver(MessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_handlerGate)
        {
            if (_handler is not null)
            {
                throw new InvalidOperationException("A handler is already set for this connection.");
            }

            while (_received.Reader.TryRead(out var queued))
            {
                handler(new ReadOnlySequence<byte>(queued));
            }

            Volatile.Write(ref _handler, handler);
        }
    }

    /// <summary>Gets a task that completes, once the socket is released, with the reason the connection closed.</summary>
    public Task<RemoteTransportException> Closed => _closed.Task;

    /// <summary>
    /// Queues one message payload for sending; payloads bigger than a frame go as chunks. Safe to call
    /// concurrently; messages from one caller keep their order. Completes once queued, not once delivered.
    /// </summary>
    /// <exception cref="ArgumentException">The payload is larger than <see cref="RemoteTransportOptions.MaxMessageSize"/>.</exception>
    /// <exception cref="RemoteTransportException">The connection is closed, or this send overflowed the outbound queue.</exception>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        if (message.Length > _options.MaxMessageSize)
        {
            throw new ArgumentException($"The message of {message.Length} bytes exceeds MaxMessageSize ({_options.MaxMessageSize}).", nameof(message));
        }

        if (Volatile.Read(ref _closeReason) is { } reason)
        {
            return ValueTask.FromException(ClosedError(reason));
        }

        long queued;
        try
        {
            queued = message.Length <= _sendFrameLimit
                ? _socket.Send(FrameType.Message, message.Span)
                : _socket.SendChunked(message.Span, _sendFrameLimit);
        }
        catch (RemoteTransportException ex)
        {
            return ValueTask.FromException(ClosedError(Volatile.Read(ref _closeReason) ?? ex));
        }

        if (queued > _options.MaxQueuedBytesPerConnection)
        {
            var slow = new RemoteTransportException(
                TransportFailureKind.SlowReader,
                $"the peer is not reading: {queued} outbound bytes are queued, over the maximum {_options.MaxQueuedBytesPerConnection}");
            Close(slow, graceful: false);
            return ValueTask.FromException(slow);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the connection: queued messages are sent first, then the socket is released.</summary>
    public async ValueTask DisposeAsync()
    {
        Close(new RemoteTransportException(TransportFailureKind.LocalClose, "the connection was closed locally"), graceful: true);
        await _closed.Task.ConfigureAwait(false);
    }

    internal void Start() => _ = Task.Run(ReadLoopAsync);

    /// <summary>Closes because of a protocol-level fault this side found; the peer gets no more bytes.</summary>
    internal void Abort(RemoteTransportException reason) => Close(reason, graceful: false);

    private static RemoteTransportException ClosedError(RemoteTransportException reason) =>
        new(reason.Kind, $"The connection is closed: {reason.Message}", reason);

    private async Task ReadLoopAsync()
    {
        RemoteTransportException reason;
        PipeReader input = _socket.Input;
        try
        {
            reason = await ReadFramesAsync(input).ConfigureAwait(false);
        }
        catch (RemoteTransportException ex)
        {
            reason = ex;
        }
        catch (ChannelClosedException) when (_closeReason is not null)
        {
            reason = _closeReason;
        }
        catch (Exception ex)
        {
            reason = new RemoteTransportException(TransportFailureKind.ConnectionAborted, $"unexpected error while reading: {ex.Message}", ex);
        }
        finally
        {
            // Only the reader may complete the input; doing it here lets a graceful close drain the socket.
            await input.CompleteAsync().ConfigureAwait(false);
        }

        // Protocol faults break the connection at once ("break, don't guess"); a peer's clean close is answered cleanly.
        Close(reason, graceful: reason.Kind is TransportFailureKind.PeerClosed);
    }

    private async Task<RemoteTransportException> ReadFramesAsync(PipeReader input)
    {
        while (true)
        {
            ReadResult result = await input.ReadAsync().ConfigureAwait(false);
            if (result.IsCanceled && Volatile.Read(ref _closeReason) is { } closing)
            {
                // A local close woke us up; nothing more is read.
                input.AdvanceTo(result.Buffer.Start);
                return closing;
            }

            ReadOnlySequence<byte> buffer = result.Buffer;
            SequencePosition consumed = buffer.Start;
            try
            {
                while (FrameReader.TryRead(ref buffer, _options.MaxFrameSize, out FrameType type, out ReadOnlySequence<byte> payload))
                {
                    if (type == FrameType.Message && Volatile.Read(ref _handler) is { } handler)
                    {
                        // The fast path: straight from the pipe's buffer to the handler.
                        handler(payload);
                        consumed = buffer.Start;
                        continue;
                    }

                    byte[]? message = type switch
                    {
                        FrameType.Message => payload.ToArray(),
                        FrameType.Chunk => _reassembler.Add(payload),
                        _ => throw ProtocolErrors.Violation($"unexpected {type} frame after the handshake"),
                    };
                    consumed = buffer.Start;
                    while (message is not null && !TryDeliver(message))
                    {
                        // The application is behind: stop reading the socket until it catches up (TCP pushes back).
                        if (!await _received.Writer.WaitToWriteAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                }

                if (result.IsCompleted)
                {
                    return buffer.IsEmpty
                        ? new RemoteTransportException(TransportFailureKind.PeerClosed, "the peer closed the connection")
                        : ProtocolErrors.Truncated(buffer.Length);
                }
            }
            finally
            {
                input.AdvanceTo(consumed, buffer.End);
            }
        }
    }

    /// <summary>Hands a whole message to the handler if there is one, else queues it; false if the queue is full.</summary>
    private bool TryDeliver(byte[] message)
    {
        lock (_handlerGate)
        {
            if (_handler is { } handler)
            {
                handler(new ReadOnlySequence<byte>(message));
                return true;
            }

            return _received.Writer.TryWrite(message);
        }
    }

    private void Close(RemoteTransportException reason, bool graceful)
    {
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is not null)
        {
            return;
        }

        if (reason.Kind is TransportFailureKind.LocalClose or TransportFailureKind.PeerClosed)
        {
            TransportLog.ConnectionClosed(_logger, _socket.Name, reason.Message);
            _received.Writer.TryComplete();
        }
        else
        {
            TransportLog.ConnectionDropped(_logger, _socket.Name, reason.Message);
            _received.Writer.TryComplete(reason);
        }

        // Wake the read loop if it is waiting for bytes, so it completes the input and the close can drain.
        _socket.Input.CancelPendingRead();
        _ = ReleaseAsync(reason, graceful);
    }

    private async Task ReleaseAsync(RemoteTransportException reason, bool graceful)
    {
        try
        {
            if (graceful)
            {
                await _socket.CloseAsync(ConnectionEstablisher.CloseLinger, _options.TimeProvider).ConfigureAwait(false);
            }
            else
            {
                _socket.Abort(reason);
                await _socket.Completion.ConfigureAwait(false);
            }
        }
        finally
        {
            // The owner's bookkeeping (the listener's connection count) is done before anyone sees Closed.
            _released?.Invoke();
            _closed.TrySetResult(reason);
        }
    }
}
