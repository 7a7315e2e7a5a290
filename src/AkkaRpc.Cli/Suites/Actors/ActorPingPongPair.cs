using AkkaRpc.Actors;

namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>Two actors that <c>Tell</c> every message they receive back to the other.</summary>
/// <remarks>
/// Both count into one shared run state. The first side to reach its share of the budget, or to see the stop
/// signal, ends the run; from then on both sides drop what they receive, so the exchange dies out.
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
        var pong = _system.ActorOf(Props.Create(() => new Bouncer(run)));
        var ping = _system.ActorOf(Props.Create(() => new Bouncer(run)));
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
        private long _received;

        public Task Done => _done.Task;

        public long Received => Interlocked.Read(ref _received);

        public bool IsFinished => _done.Task.IsCompleted;

        /// <summary>Counts one message for a side; false when the run is over and the message must be dropped.</summary>
        public bool Count(ref long side)
        {
            if (IsFinished)
            {
                return false;
            }

            Interlocked.Increment(ref _received);
            if (++side >= perSide || stop.IsCancellationRequested)
            {
                Finish();
                return false;
            }

            return true;
        }

        public void Finish() => _done.TrySetResult();
    }

    private sealed class Bouncer : UntypedActor
    {
        private readonly RunState _run;
        private long _received;

        public Bouncer(RunState run) => _run = run;

        protected override void OnReceive(object message)
        {
            if (_run.Count(ref _received))
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
