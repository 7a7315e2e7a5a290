using System.Threading.Channels;

namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>Two tasks, each reading its own unbounded channel and writing every message into the other's.</summary>
/// <remarks>
/// Each channel has exactly one reader and one writer, as an actor's mailbox has one consumer, so both
/// are created single-reader and single-writer. Continuations stay asynchronous (the default) so a
/// write wakes the reader on the thread pool instead of running it inline on the writer's stack,
/// which is what an actor runtime's dispatcher does too.
/// </remarks>
internal sealed class ChannelPingPongPair : IPingPongPair
{
    private static readonly UnboundedChannelOptions s_options = new() { SingleReader = true, SingleWriter = true };

    private readonly Channel<Ball> _toPing = Channel.CreateUnbounded<Ball>(s_options);
    private readonly Channel<Ball> _toPong = Channel.CreateUnbounded<Ball>(s_options);
    private readonly int _inFlight;
    private int _started;

    /// <summary>Initializes a pair that will keep <paramref name="inFlight"/> messages moving.</summary>
    public ChannelPingPongPair(int inFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        _inFlight = inFlight;
    }

    /// <inheritdoc />
    public async Task<long> RunAsync(long maxMessages, CancellationToken stop)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A ping-pong pair runs once.");
        }

        // Messages alternate sides, so each side's share of the budget is half, within the in-flight count.
        long perSide = Math.Max(1, maxMessages / 2);
        for (int i = 0; i < _inFlight; i++)
        {
            _toPong.Writer.TryWrite(new Ball());
        }

        Task<long> ping = Task.Run(() => BounceAsync(_toPing.Reader, _toPong.Writer, perSide, stop), CancellationToken.None);
        Task<long> pong = Task.Run(() => BounceAsync(_toPong.Reader, _toPing.Writer, perSide, stop), CancellationToken.None);
        long[] received = await Task.WhenAll(ping, pong);
        return received[0] + received[1];
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _toPing.Writer.TryComplete();
        _toPong.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Receives and returns messages until the limit, the stop signal, or the other side finishing.</summary>
    /// <remarks>
    /// A side that stops completes the other side's inbox, so the other side drains what it holds and
    /// ends too; with at least one message always in some inbox, neither side can wait forever.
    /// </remarks>
    private static async Task<long> BounceAsync(ChannelReader<Ball> inbox, ChannelWriter<Ball> outbox, long limit, CancellationToken stop)
    {
        long received = 0;
        try
        {
            while (await inbox.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (inbox.TryRead(out Ball? ball))
                {
                    received++;
                    if (received >= limit || stop.IsCancellationRequested)
                    {
                        return received;
                    }

                    outbox.TryWrite(ball);
                }
            }

            return received;
        }
        finally
        {
            outbox.TryComplete();
        }
    }

    /// <summary>The message in flight; a reference type, as actor messages are.</summary>
    private sealed class Ball;
}
