using System.Diagnostics;
using AkkaRpc.Actors;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Actors;

/// <summary>
/// Runs a plan's steps in order, one at a time. A step's clients run here (one <see cref="MetricsCollector"/> with its
/// generators) or, when workers registered, are split across them. Every worker is watched: one that goes away
/// mid-step has its clients counted as lost, and the run goes on with the others and reports the loss.
/// </summary>
internal sealed class BenchmarkCoordinator : ReceiveActor
{
    /// <summary>The coordinator's name under <c>/user</c>; workers look it up at this path.</summary>
    public const string Name = "bench-coordinator";

    private readonly IBenchSystemFactory _systems;
    private readonly CoordinatorOptions _options;
    private readonly Action<StepOutcome>? _onStep;
    private readonly Dictionary<IActorRef, string> _workers = [];
    private readonly List<string> _lostWorkers = [];
    private readonly Dictionary<IActorRef, int> _pending = [];
    private readonly List<StepOutcome> _outcomes = [];
    private readonly Queue<BenchStep> _steps = new();
    private IActorRef? _requester;
    private bool _started;
    private BenchStep? _current;
    private LoadMetrics _merged = LoadMetrics.Empty;
    private int _lostClients;
    private List<string> _lostInStep = [];
    private long _stepStart;
    private ICancelable? _stepTimer;

    /// <summary>Initializes the coordinator; <paramref name="onStep"/> hears of each step as it ends (for live progress).</summary>
    public BenchmarkCoordinator(IBenchSystemFactory systems, CoordinatorOptions options, Action<StepOutcome>? onStep)
    {
        _systems = systems;
        _options = options;
        _onStep = onStep;
        Receive<RegisterWorker>(OnRegister);
        Receive<RunPlan>(OnRunPlan);
        Receive<RegistrationTimedOut>(_ =>
        {
            if (!_started && _requester is not null)
            {
                _requester.Tell(new PlanFailed(
                    $"Only {_workers.Count} of {_options.ExpectedWorkers} workers registered within {_options.RegistrationTimeout.TotalSeconds:0}s; " +
                    "start them with 'akkarpc bench-worker --coordinator <address>' or lower --workers."), Self);
                _requester = null;
            }
        });
        Receive<ShareCompleted>(OnShareCompleted);
        Receive<Terminated>(OnTerminated);
        Receive<StepTimedOut>(timedOut =>
        {
            if (_current?.Id == timedOut.StepId)
            {
                foreach (var (source, clients) in _pending)
                {
                    _lostClients += clients;
                    if (!_workers.ContainsKey(source))
                    {
                        Context.Stop(source); // A local collector: stopping it cancels its clients' requests.
                    }
                }

                _pending.Clear();
                FinishStep();
            }
        });
    }

    /// <summary>Props for a coordinator.</summary>
    public static Props Props(IBenchSystemFactory systems, CoordinatorOptions options, Action<StepOutcome>? onStep = null) =>
        global::AkkaRpc.Actors.Props.Create(() => new BenchmarkCoordinator(systems, options, onStep));

    /// <inheritdoc/>
    protected override void PostStop()
    {
        _stepTimer?.Cancel();
        foreach (var worker in _workers.Keys)
        {
            worker.Tell(new WorkerDismissed("the coordinator stopped"), Self);
        }
    }

    private void OnRegister(RegisterWorker register)
    {
        if (!_workers.ContainsKey(Sender))
        {
            Context.Watch(Sender);
            _workers[Sender] = register.Name;
        }

        Sender.Tell(new WorkerRegistered(_workers.Count), Self);
        StartIfReady();
    }

    private void OnRunPlan(RunPlan plan)
    {
        if (_requester is not null || _started)
        {
            Sender.Tell(new PlanFailed("A plan is already running."), Self);
            return;
        }

        _requester = Sender;
        foreach (var step in plan.Steps)
        {
            _steps.Enqueue(step);
        }

        if (_workers.Count < _options.ExpectedWorkers)
        {
            Context.System.Scheduler.ScheduleTellOnce(_options.RegistrationTimeout, Self, RegistrationTimedOut.Instance, Self);
        }

        StartIfReady();
    }

    private void StartIfReady()
    {
        if (!_started && _requester is not null && _workers.Count >= _options.ExpectedWorkers)
        {
            _started = true;
            NextStep();
        }
    }

    private void NextStep()
    {
        if (!_steps.TryDequeue(out var step))
        {
            _requester?.Tell(new PlanCompleted([.. _outcomes], [.. _lostWorkers]), Self);
            foreach (var worker in _workers.Keys)
            {
                worker.Tell(new WorkerDismissed("the run is complete"), Self);
            }

            _workers.Clear();
            _requester = null;
            return;
        }

        _current = step;
        _merged = LoadMetrics.Empty;
        _lostClients = 0;
        _lostInStep = [];
        _stepStart = Stopwatch.GetTimestamp();
        _stepTimer = Context.System.Scheduler.ScheduleTellOnce(
            step.Workload.MaxDuration + _options.StepGrace, Self, new StepTimedOut(step.Id), Self);

        if (_options.ExpectedWorkers == 0 || !step.System.IsRemote)
        {
            var share = new RunShare(step.Id, step.System, step.Workload, step.Clients, 0);
            var collector = Context.ActorOf(MetricsCollector.Props(share, _systems.Get(step.System), Self), $"step-{step.Id}");
            Context.Watch(collector);
            _pending[collector] = step.Clients;
            return;
        }

        // Split the clients as evenly as possible; a worker with no client gets no share.
        var workers = _workers.Keys.ToList();
        int first = 0;
        for (int i = 0; i < workers.Count && first < step.Clients; i++)
        {
            int clients = (step.Clients / workers.Count) + (i < step.Clients % workers.Count ? 1 : 0);
            if (clients == 0)
            {
                continue;
            }

            workers[i].Tell(new RunShare(step.Id, step.System, step.Workload, clients, first), Self);
            _pending[workers[i]] = clients;
            first += clients;
        }

        if (_pending.Count == 0)
        {
            _lostClients = step.Clients; // Every worker is gone: nobody can run it.
            FinishStep();
        }
    }

    private void OnShareCompleted(ShareCompleted completed)
    {
        if (_current?.Id != completed.StepId || !_pending.Remove(Sender))
        {
            return; // Late figures of a step that already timed out.
        }

        if (!_workers.ContainsKey(Sender))
        {
            Context.Unwatch(Sender);
        }

        _merged = _merged.Merge(completed.Metrics);
        _lostClients += completed.LostClients;
        if (_pending.Count == 0)
        {
            FinishStep();
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        var source = terminated.ActorRef;
        if (_workers.Remove(source, out var name))
        {
            _lostWorkers.Add(name);
            _lostInStep.Add(name);
            Log.LogBenchWorkerLost(name, terminated.AddressTerminated);
        }

        if (_pending.Remove(source, out int clients))
        {
            _lostClients += clients;
            if (_pending.Count == 0)
            {
                FinishStep();
            }
        }
    }

    private void FinishStep()
    {
        _stepTimer?.Cancel();
        var step = _current!;
        var outcome = new StepOutcome(step, _merged, StopwatchNanoseconds.Between(_stepStart, Stopwatch.GetTimestamp()), _lostClients, _lostInStep);
        _outcomes.Add(outcome);
        _current = null;
        _onStep?.Invoke(outcome);
        NextStep();
    }

    private sealed record StepTimedOut(int StepId);

    private sealed record RegistrationTimedOut
    {
        public static readonly RegistrationTimedOut Instance = new();
    }
}
