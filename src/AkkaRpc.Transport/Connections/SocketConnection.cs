using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Akka.Event;
using AkkaRpc.Transport.Framing;

namespace AkkaRpc.Transport.Connections;

/// <summary>
/// A socket as a duplex pipe, in the shape of Kestrel's socket transport: a receive loop fills <see cref="Input"/>,
/// a send loop drains the output pipe. Whatever the send loop finds queued goes out in one gather write, so frames
/// queued while a send is in flight share one syscall. The reason the connection ended completes <see cref="Input"/>.
/// </summary>
internal sealed class SocketConnection : IAsyncDisposable
{
    // One receive takes up to this much, so a large PDU arrives in few receives and few reader wake-ups.
    private const int MinReceiveBufferSize = 64 * 1024;

    private static long s_nextId;

    private readonly Socket _socket;
    private readonly Pipe _input;
    private readonly Pipe _output;
    private readonly ILoggingAdapter _log;
    private readonly List<ArraySegment<byte>> _sendSegments = [];
    private readonly Lock _abortLock = new();
    private readonly Lock _writeLock = new();
    private readonly long _maxQueuedBytes;
    private readonly TimeSpan _stallTimeout;
    private readonly TimeProvider _timeProvider;
    private ITimer? _stallTimer;
    private bool _outputCompleted;
    private Task _receiveTask = Task.CompletedTask;
    private Task _sendTask = Task.CompletedTask;
    private ConnectionException? _abortReason;
    private long _queuedBytes;
    private long _socketWrites;
    private long _bytesReceived;
    private int _disposed;
    private bool _established;
    private TaskCompletionSource? _receiveGate;

    public SocketConnection(Socket socket, TransportSettings settings, ILoggingAdapter log)
    {
        _socket = socket;
        _log = log;
        _maxQueuedBytes = settings.MaxQueuedBytes;
        _stallTimeout = settings.WriteStallTimeout;
        _timeProvider = settings.TimeProvider;
        if (socket.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
        {
            socket.NoDelay = true;
        }

        Name = Describe(socket);

        // The reader needs a whole frame buffered before it consumes anything, so the input pipe must be able to
        // hold more than the largest frame or the receive loop would pause forever.
        long pause = Math.Max(MinReceiveBufferSize, 2L * (settings.MaximumFrameSize + FrameLayout.HeaderSize));
        // The frame reader runs inline on the receive loop's thread: one thread hand-off fewer per receive, which on a
        // busy machine is what a round trip waits for (measured: lower p50 and CPU per message than a pool hop).
        _input = new Pipe(new PipeOptions(
            readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: pause, resumeWriterThreshold: pause / 2, minimumSegmentSize: MinReceiveBufferSize, useSynchronizationContext: false));

        // No pause on output: Write never blocks; over the queued-bytes cap it returns false instead. The send loop is
        // woken on the thread pool, not inline in Write: loopback sends complete synchronously, so an inline loop
        // would make one syscall (and one wake-up of the peer) per frame; queued, the frames written before it runs
        // share one gather write (measured: pipelined throughput about 1.5-2x the inline send).
        _output = new Pipe(new PipeOptions(
            readerScheduler: PipeScheduler.ThreadPool, writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: 0, resumeWriterThreshold: 0, useSynchronizationContext: false));
    }

    /// <summary>Gets a short description of the connection for logs.</summary>
    public string Name { get; }

    /// <summary>Gets the socket, for peer credentials and endpoints.</summary>
    public Socket Socket => _socket;

    /// <summary>Gets the received bytes; completes with the reason the connection broke, or normally on a clean close.</summary>
    public PipeReader Input => _input.Reader;

    /// <summary>Gets the bytes queued and not yet handed to the socket.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Gets how many socket send calls the send loop made; with batching, fewer than frames sent.</summary>
    public long SocketWrites => Interlocked.Read(ref _socketWrites);

    /// <summary>Gets how many bytes the peer has sent so far; 0 means it has said nothing at all.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Gets the reason the connection was torn down, once it was.</summary>
    public ConnectionException? AbortReason => Volatile.Read(ref _abortReason);

    /// <summary>Gets the task that ends when both loops have ended.</summary>
    public Task Completion => Task.WhenAll(_receiveTask, _sendTask);

    /// <summary>Queues one frame whatever the queue holds (handshake frames); safe from many threads.</summary>
    /// <exception cref="ConnectionException">The connection is closed or closing.</exception>
    public void Send(FrameType type, ReadOnlySpan<byte> payload)
    {
        lock (_writeLock)
        {
            ThrowIfOutputClosed();
            FlushLocked(FrameWriter.Write(_output.Writer, type, payload));
        }
    }

    /// <summary>
    /// Queues one frame unless the queue is over its cap; false means nothing was queued (the caller retries later)
    /// or the connection is closed. Over the cap, a stall timer starts; if the queue is still over the cap when it
    /// fires, the peer is stuck and the connection is aborted.
    /// </summary>
    public bool TrySend(FrameType type, ReadOnlySpan<byte> payload)
    {
        lock (_writeLock)
        {
            if (_outputCompleted || Volatile.Read(ref _abortReason) is not null)
            {
                return false;
            }

            if (Interlocked.Read(ref _queuedBytes) > _maxQueuedBytes)
            {
                _stallTimer ??= _timeProvider.CreateTimer(static state => ((SocketConnection)state!).OnStallTimeout(), this, _stallTimeout, Timeout.InfiniteTimeSpan);
                return false;
            }

            FlushLocked(FrameWriter.Write(_output.Writer, type, payload));
            return true;
        }
    }

    /// <summary>
    /// Says the handshake succeeded. Until then the receive loop waits for data before it takes a buffer, so the many
    /// idle or hostile connections a node may hold before authentication cost no receive buffer each.
    /// </summary>
    public void MarkEstablished() => Volatile.Write(ref _established, true);

    /// <summary>Stops reading the socket after the receive in progress (backpressure: the peer's bytes wait in the kernel).</summary>
    public void PauseReceiving() =>
        Interlocked.CompareExchange(ref _receiveGate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    /// <summary>Reads the socket again after <see cref="PauseReceiving"/>.</summary>
    public void ResumeReceiving() => Interlocked.Exchange(ref _receiveGate, null)?.TrySetResult();

    /// <summary>Starts the receive and send loops.</summary>
    public void Start()
    {
        _receiveTask = Task.Run(ReceiveLoopAsync);
        _sendTask = Task.Run(SendLoopAsync);
    }

    /// <summary>Tears the connection down now; <paramref name="reason"/> is what readers of <see cref="Input"/> see.</summary>
    public void Abort(ConnectionException reason)
    {
        lock (_abortLock)
        {
            if (_abortReason is not null)
            {
                return;
            }

            _abortReason = reason;
        }

        _stallTimer?.Dispose();
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

        // A paused receive loop must wake to see the disposed socket and end.
        ResumeReceiving();
    }

    /// <summary>
    /// Closes gracefully: sends what is queued, sends FIN, then waits up to <paramref name="linger"/> for the peer to
    /// close its side so it can read our last frames. The caller completes <see cref="Input"/> first (only the reader
    /// may), which lets the receive loop drain.
    /// </summary>
    public async Task CloseAsync(TimeSpan linger)
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
            await Completion.WaitAsync(linger, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The peer did not close in time; the socket is torn down below either way.
        }

        Abort(new ConnectionException(FailureKind.LocalClose, "the connection was closed locally"));
        await Completion.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Abort(new ConnectionException(FailureKind.LocalClose, "the connection was closed locally"));
        await Completion.ConfigureAwait(false);
    }

    private void OnStallTimeout()
    {
        long queued = Interlocked.Read(ref _queuedBytes);
        if (queued > _maxQueuedBytes)
        {
            Abort(new ConnectionException(
                FailureKind.SlowReader,
                $"the peer is not reading: {queued} outbound bytes stayed queued over the maximum {_maxQueuedBytes} for {_stallTimeout.TotalSeconds:0.###} s"));
        }
        else
        {
            lock (_writeLock)
            {
                _stallTimer?.Dispose();
                _stallTimer = null;
            }
        }
    }

    private void FlushLocked(int written)
    {
        Interlocked.Add(ref _queuedBytes, written);

        // The output pipe never pauses (threshold 0), so this completes at once; it only wakes the send loop.
        ValueTask<FlushResult> flush = _output.Writer.FlushAsync();
        if (!flush.IsCompletedSuccessfully)
        {
            _ = flush.AsTask();
        }
    }

    private void ThrowIfOutputClosed()
    {
        if (_outputCompleted || Volatile.Read(ref _abortReason) is not null)
        {
            throw Volatile.Read(ref _abortReason) ?? new ConnectionException(FailureKind.LocalClose, "the connection is closed");
        }
    }

    private async Task ReceiveLoopAsync()
    {
        ConnectionException? error = null;
        PipeWriter writer = _input.Writer;
        try
        {
            while (true)
            {
                if (Volatile.Read(ref _receiveGate) is { } gate)
                {
                    await gate.Task.ConfigureAwait(false);
                }

                if (!Volatile.Read(ref _established))
                {
                    // A zero-byte receive completes when data is ready, without holding a 64 KiB buffer meanwhile.
                    await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None).ConfigureAwait(false);
                }

                Memory<byte> memory = writer.GetMemory(MinReceiveBufferSize);
                int received = await _socket.ReceiveAsync(memory, SocketFlags.None).ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                Interlocked.Add(ref _bytesReceived, received);
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
            ConnectionException? reason = Volatile.Read(ref _abortReason) ?? error;
            await writer.CompleteAsync(reason).ConfigureAwait(false);
            if (error is not null && Volatile.Read(ref _abortReason) is null)
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
        ConnectionException? error = null;
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

                // Taken before AdvanceTo: that returns the segments to the pool, after which a multi-segment
                // sequence's Length is garbage (it is computed from the segments' running indexes).
                long length = buffer.Length;
                if (length > 0)
                {
                    await SendAsync(buffer).ConfigureAwait(false);
                }

                reader.AdvanceTo(buffer.End);
                Interlocked.Add(ref _queuedBytes, -length);
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
            if (error is not null && Volatile.Read(ref _abortReason) is null)
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

    private ConnectionException Classify(Exception ex, string direction)
    {
        if (Volatile.Read(ref _abortReason) is { } reason)
        {
            // Our own abort made the socket call fail; the abort reason is the real story.
            return reason;
        }

        ConnectionException classified = ex switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted } se =>
                new(FailureKind.ConnectionReset, $"the peer reset the connection while {direction} ({se.SocketErrorCode})", ex),
            SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted } se =>
                new(FailureKind.ConnectionAborted, $"the connection was aborted while {direction} ({se.SocketErrorCode})", ex),
            SocketException se =>
                new(FailureKind.ConnectionAborted, $"socket error while {direction}: {se.SocketErrorCode} ({se.Message})", ex),
            ObjectDisposedException =>
                new(FailureKind.ConnectionAborted, $"the socket was disposed while {direction}", ex),
            _ => new(FailureKind.ConnectionAborted, $"unexpected error while {direction}: {ex.Message}", ex),
        };
        if (_log.IsDebugEnabled)
        {
            _log.Debug("Connection {0}: socket failed ({1}): {2}", Name, classified.Kind, ex.Message);
        }

        return classified;
    }

    private static string Describe(Socket socket)
    {
        // Unix sockets have no peer address, so a process-wide number tells connections apart in logs.
        long id = Interlocked.Increment(ref s_nextId);
        try
        {
            return socket.AddressFamily == AddressFamily.Unix
                ? $"unix#{id}"
                : $"tcp#{id}({socket.RemoteEndPoint})";
        }
        catch (SocketException)
        {
            return $"conn#{id}";
        }
    }
}
