using AkkaRpc.Actors;

namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>Two actors that <c>Tell</c> every message they receive back to the other.</summary>
/// <remarks>
/// Each side counts in its own slot of the run state (a cache line each, as the channel floor counts in a local),
/// so the count adds no traffic between the CPUs. The first side to reach its share of the budget, or to see the
/// stop signal, ends the run; from then on both sides drop what they receive, so the exchange dies out.
/// </remarks>
internal sealed class ActorPingPongPair : IPingPongPair
{
    private readonly ActorSystem _system;
    private readonly int _inFlight;
    private readonly List<IActorRef> _actors = [];

    public ActorPingPongPair(ActorSystem system, int inFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        _system = system;
        _inFlight = inFlight;
    }

    /// <inheritdoc />
    public async Task<long> RunAsync(long maxMessages, CancellationToken stop)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        if (_actors.Count != 0)
        {
            throw new InvalidOperationException("A ping-pong pair runs once.");
        }

        var run = new RunState(Math.Max(1, maxMessages / 2), stop);
        var pong = _system.ActorOf(Props.Create(() => new Bouncer(run, 0)));
        var ping = _system.ActorOf(Props.Create(() => new Bouncer(run, 1)));
        _actors.Add(ping);
        _actors.Add(pong);
        for (var i = 0; i < _inFlight; i++)
        {
            pong.Tell(Ball.Instance, ping);
        }

        using (stop.UnsafeRegister(static s => ((RunState)s!).Finish(), run))
        {
            await run.Done;
        }

        return run.Received;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var actor in _actors)
        {
            _system.Stop(actor);
        }

        return ValueTask.CompletedTask;
    }

    private sealed class RunState(long perSide, CancellationToken stop)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly PaddedCount[] _sides = new PaddedCount[2];

        public Task Done => _done.Task;

        public long Received => Volatile.Read(ref _sides[0].Value) + Volatile.Read(ref _sides[1].Value);

        /// <summary>Counts one message for side <paramref name="side"/> (only that side's actor writes its slot); false when it must be dropped.</summary>
        public bool Count(int side)
        {
            if (_done.Task.IsCompleted)
            {
                return false;
            }

            var received = ++_sides[side].Value;
            if (received >= perSide || stop.IsCancellationRequested)
            {
                Finish();
                return false;
            }

            return true;
        }

        public void Finish() => _done.TrySetResult();
    }

    /// <summary>A count alone on its cache line, so the two sides never contend for one.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 128)]
    private struct PaddedCount
    {
        [System.Runtime.InteropServices.FieldOffset(64)]
        public long Value;
    }

    private sealed class Bouncer(RunState run, int side) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (run.Count(side))
            {
                Sender.Tell(message, Self);
            }
        }
    }

    private sealed class Ball
    {
        public static readonly Ball Instance = new();
    }
}
