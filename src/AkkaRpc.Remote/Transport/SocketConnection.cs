using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using AkkaRpc.Remote.Framing;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote.Transport;

/// <summary>
/// A socket as a duplex pipe, in the shape of Kestrel's socket transport: a receive loop fills
/// <see cref="Input"/>, a send loop drains the output pipe. Whatever the send loop finds queued is sent
/// in one gather write, so many small frames cost one syscall and a lone frame goes out at once.
/// The reason the connection ended completes <see cref="Input"/>, so the reader sees it.
/// </summary>
internal sealed class SocketConnection : IAsyncDisposable
{
    // One receive takes up to this much: a 1 MB result arrives in 16 receives (and 16 reader wake-ups), not 256.
    private const int MinReceiveBufferSize = 64 * 1024;

    private static long s_nextId;

    private readonly Socket _socket;
    private readonly Pipe _input;
    private readonly Pipe _output;
    private readonly ILogger _logger;
    private readonly List<ArraySegment<byte>> _sendSegments = [];
    private readonly Lock _abortLock = new();
    private readonly Lock _writeLock = new();
    private bool _outputCompleted;
    private uint _nextStreamId;
    private Task _receiveTask = Task.CompletedTask;
    private Task _sendTask = Task.CompletedTask;
    private RemoteTransportException? _abortReason;
    private long _queuedBytes;
    private long _socketWrites;
    private int _disposed;

    public SocketConnection(Socket socket, int maxFrameSize, ILogger logger)
    {
        _socket = socket;
        _logger = logger;
        if (socket.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
        {
            socket.NoDelay = true;
        }

        Name = Describe(socket);

        // The reader needs a whole frame buffered before it consumes anything, so the input pipe must be
        // able to hold more than the largest frame or the receive loop would pause forever.
        long pause = Math.Max(64 * 1024, 2L * (maxFrameSize + 64));
        _input = new Pipe(new PipeOptions(pauseWriterThreshold: pause, resumeWriterThreshold: pause / 2, minimumSegmentSize: MinReceiveBufferSize, useSynchronizationContext: false));

        // No pause on output: writers never block; the queued-bytes cap drops a slow peer instead.
        _output = new Pipe(new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0, useSynchronizationContext: false));
    }

    /// <summary>Gets a short description of the peer for logs.</summary>
    public string Name { get; }

    /// <summary>Gets the peer's address, when the socket knows it.</summary>
    public EndPoint? RemoteEndPoint { get; private set; }

    /// <summary>Gets the received bytes; completes with the reason the connection broke, or normally on a clean close.</summary>
    public PipeReader Input => _input.Reader;

    /// <summary>Gets the bytes written to the output pipe and not yet handed to the socket.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Gets how many socket send calls the send loop has made; with batching, far fewer than frames sent.</summary>
    public long SocketWrites => Interlocked.Read(ref _socketWrites);

    /// <summary>Gets the task that ends when both loops have ended.</summary>
    public Task Completion => Task.WhenAll(_receiveTask, _sendTask);

    /// <summary>Queues one frame for sending and returns the bytes now queued; safe to call from many threads.</summary>
    /// <exception cref="RemoteTransportException">The connection is closed or closing.</exception>
    public long Send(FrameType type, ReadOnlySpan<byte> payload)
    {
        lock (_writeLock)
        {
            ThrowIfOutputClosed();
            int written = FrameWriter.Write(_output.Writer, type, payload);
            return FlushLocked(written);
        }
    }

    /// <summary>Queues a message as chunk frames of at most <paramref name="maxPayloadSize"/> and returns the bytes now queued.</summary>
    /// <exception cref="RemoteTransportException">The connection is closed or closing.</exception>
    public long SendChunked(ReadOnlySpan<byte> message, int maxPayloadSize)
    {
        lock (_writeLock)
        {
            ThrowIfOutputClosed();
            long written = FrameWriter.WriteChunked(_output.Writer, _nextStreamId++, message, maxPayloadSize);
            return FlushLocked(written);
        }
    }

    /// <summary>Starts the receive and send loops.</summary>
    public void Start()
    {
        try
        {
            RemoteEndPoint = _socket.RemoteEndPoint;
        }
        catch (SocketException)
        {
            // The peer may already be gone; the loops will report that.
        }

        _receiveTask = Task.Run(ReceiveLoopAsync);
        _sendTask = Task.Run(SendLoopAsync);
    }

    /// <summary>Tears the connection down now; <paramref name="reason"/> is what readers of <see cref="Input"/> see.</summary>
    public void Abort(RemoteTransportException reason)
    {
        lock (_abortLock)
        {
            if (_abortReason is not null)
            {
                return;
            }

            _abortReason = reason;
        }

        _output.Reader.CancelPendingRead();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer or by us; aborting is still complete.
        }

        _socket.Dispose();
    }

    /// <summary>
    /// Closes gracefully: sends what is queued, sends FIN, then waits up to <paramref name="linger"/> for the
    /// peer to close its side so it can read our last frames before the socket goes away.
    /// The caller completes <see cref="Input"/> first (only the reader may), which lets the receive loop drain.
    /// </summary>
    public async Task CloseAsync(TimeSpan linger, TimeProvider timeProvider)
    {
        lock (_writeLock)
        {
            if (!_outputCompleted)
            {
                _outputCompleted = true;
                _output.Writer.Complete();
            }
        }

        try
        {
            await Completion.WaitAsync(linger, timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The peer did not close in time; the socket is torn down below either way.
        }

        Abort(new RemoteTransportException(TransportFailureKind.LocalClose, "the connection was closed locally"));
        await Completion.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Abort(new RemoteTransportException(TransportFailureKind.LocalClose, "the connection was closed locally"));
        await Completion.ConfigureAwait(false);
    }

    private long FlushLocked(long written)
    {
        long queued = Interlocked.Add(ref _queuedBytes, written);

        // The output pipe never pauses (threshold 0), so this completes at once; it only wakes the send loop.
        ValueTask<FlushResult> flush = _output.Writer.FlushAsync();
        if (!flush.IsCompletedSuccessfully)
        {
            _ = flush.AsTask();
        }

        return queued;
    }

    private void ThrowIfOutputClosed()
    {
        if (_outputCompleted || Volatile.Read(ref _abortReason) is not null)
        {
            throw Volatile.Read(ref _abortReason)
                ?? new RemoteTransportException(TransportFailureKind.LocalClose, "the connection is closed");
        }
    }

    private async Task ReceiveLoopAsync()
    {
        RemoteTransportException? error = null;
        PipeWriter writer = _input.Writer;
        try
        {
            while (true)
            {
                Memory<byte> memory = writer.GetMemory(MinReceiveBufferSize);
                int received = await _socket.ReceiveAsync(memory, SocketFlags.None).ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                writer.Advance(received);
                FlushResult flush = await writer.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted)
                {
                    // Nobody reads any more (a graceful close); drain until FIN so the close can finish cleanly.
                    await DrainUntilEndAsync().ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            error = Classify(ex, "receiving");
        }
        finally
        {
            RemoteTransportException? reason = Volatile.Read(ref _abortReason) ?? error;
            await writer.CompleteAsync(reason).ConfigureAwait(false);
            if (error is not null && _abortReason is null)
            {
                // The send loop cannot make progress on a broken socket; stop it with the same reason.
                Abort(error);
            }
        }
    }

    private async Task DrainUntilEndAsync()
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(MinReceiveBufferSize);
        try
        {
            while (await _socket.ReceiveAsync(scratch, SocketFlags.None).ConfigureAwait(false) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private async Task SendLoopAsync()
    {
        RemoteTransportException? error = null;
        PipeReader reader = _output.Reader;
        try
        {
            while (true)
            {
                ReadResult result = await reader.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    break;
                }

                ReadOnlySequence<byte> buffer = result.Buffer;
                if (!buffer.IsEmpty)
                {
                    await SendAsync(buffer).ConfigureAwait(false);
                }

                reader.AdvanceTo(buffer.End);
                Interlocked.Add(ref _queuedBytes, -buffer.Length);
                if (result.IsCompleted)
                {
                    // Graceful close: FIN tells the peer no more frames will come.
                    _socket.Shutdown(SocketShutdown.Send);
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            error = Classify(ex, "sending");
        }
        finally
        {
            await reader.CompleteAsync(Volatile.Read(ref _abortReason) ?? error).ConfigureAwait(false);
            if (error is not null && _abortReason is null)
            {
                Abort(error);
            }
        }
    }

    private async ValueTask SendAsync(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            ReadOnlyMemory<byte> memory = buffer.First;
            while (!memory.IsEmpty)
            {
                Interlocked.Increment(ref _socketWrites);
                int sent = await _socket.SendAsync(memory, SocketFlags.None).ConfigureAwait(false);
                memory = memory[sent..];
            }

            return;
        }

        // Gather write: every queued segment in one sendmsg. The default pipe pool is array-backed.
        _sendSegments.Clear();
        foreach (ReadOnlyMemory<byte> segment in buffer)
        {
            if (!MemoryMarshal.TryGetArray(segment, out ArraySegment<byte> array))
            {
                array = new ArraySegment<byte>(segment.ToArray());
            }

            _sendSegments.Add(array);
        }

        long remaining = buffer.Length;
        while (remaining > 0)
        {
            Interlocked.Increment(ref _socketWrites);
            int sent = await _socket.SendAsync(_sendSegments, SocketFlags.None).ConfigureAwait(false);
            remaining -= sent;
            if (remaining > 0)
            {
                TrimSent(sent);
            }
        }
    }

    private void TrimSent(int sent)
    {
        while (sent > 0)
        {
            ArraySegment<byte> first = _sendSegments[0];
            if (sent >= first.Count)
            {
                sent -= first.Count;
                _sendSegments.RemoveAt(0);
            }
            else
            {
                _sendSegments[0] = first.Slice(sent);
                sent = 0;
            }
        }
    }

    private RemoteTransportException Classify(Exception ex, string direction)
    {
        if (Volatile.Read(ref _abortReason) is { } reason)
        {
            // Our own abort made the socket call fail; the abort reason is the real story.
            return reason;
        }

        RemoteTransportException classified = ex switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted } se =>
                new(TransportFailureKind.ConnectionReset, $"the peer reset the connection while {direction} ({se.SocketErrorCode})", ex),
            SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted } se =>
                new(TransportFailureKind.ConnectionAborted, $"the connection was aborted while {direction} ({se.SocketErrorCode})", ex),
            SocketException se =>
                new(TransportFailureKind.ConnectionAborted, $"socket error while {direction}: {se.SocketErrorCode} ({se.Message})", ex),
            ObjectDisposedException =>
                new(TransportFailureKind.ConnectionAborted, $"the socket was disposed while {direction}", ex),
            _ => new(TransportFailureKind.ConnectionAborted, $"unexpected error while {direction}: {ex.Message}", ex),
        };
        TransportLog.SocketError(_logger, Name, classified.Kind, ex);
        return classified;
    }

    private static string Describe(Socket socket)
    {
        // Accepted Unix sockets have no peer address, so a process-wide number tells connections apart in logs.
        long id = Interlocked.Increment(ref s_nextId);
        try
        {
            return socket.AddressFamily == AddressFamily.Unix
                ? $"unix#{id}({socket.LocalEndPoint ?? socket.RemoteEndPoint})"
                : $"tcp#{id}({socket.RemoteEndPoint})";
        }
        catch (SocketException)
        {
            return $"conn#{id}(disconnected)";
        }
    }
}
