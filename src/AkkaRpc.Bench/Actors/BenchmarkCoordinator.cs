using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Actors;

/// <summary>
/// Runs a plan's steps in order, one at a time (each client warms up before its timed requests). A step's clients run
/// here (one <see cref="MetricsCollector"/> with its generators) or, when workers registered, are split across them.
/// Every worker is watched: one that goes away mid-step has its clients counted as lost, and the run goes on with the
/// others and reports the loss. Whoever sent <see cref="RunPlan"/> hears each <see cref="StepOutcome"/> as it ends,
/// then <see cref="PlanCompleted"/> (or <see cref="PlanFailed"/>).
/// </summary>
internal sealed class BenchmarkCoordinator : ReceiveActor, IWithTimers
{
    /// <summary>The coordinator's name under <c>/user</c>; workers look it up at this path.</summary>
    public const string Name = "bench-coordinator";

    private const string RegistrationTimer = "registration";
    private const string StepTimer = "step";

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IBenchSystemFactory _systems;
    private readonly CoordinatorOptions _options;
    private readonly Dictionary<IActorRef, string> _workers = [];
    private readonly List<string> _lostWorkers = [];
    private readonly Dictionary<IActorRef, int> _pending = [];
    private readonly List<StepOutcome> _outcomes = [];
    private readonly Queue<BenchStep> _steps = new();
    private IActorRef _requester = Nobody.Instance;
    private bool _started;
    private BenchStep? _current;
    private MetricsMerger _merged = new();
    private int _lostClients;
    private List<string> _lostInStep = [];
    private long _stepStart;

    /// <summary>Initializes the coordinator.</summary>
    public BenchmarkCoordinator(IBenchSystemFactory systems, CoordinatorOptions options)
    {
        _systems = systems;
        _options = options;
        Receive<RegisterWorker>(OnRegister);
        Receive<RunPlan>(OnRunPlan);
        Receive<RegistrationTimedOut>(_ => OnRegistrationTimedOut());
        Receive<ShareCompleted>(OnShareCompleted);
        Receive<Terminated>(OnTerminated);
        Receive<StepTimedOut>(OnStepTimedOut);
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a coordinator.</summary>
    public static Props Props(IBenchSystemFactory systems, CoordinatorOptions options) =>
        Akka.Actor.Props.Create(() => new BenchmarkCoordinator(systems, options));

    /// <inheritdoc/>
    protected override void PostStop()
    {
        foreach (var worker in _workers.Keys)
        {
            worker.Tell(new WorkerDismissed("the coordinator stopped"));
        }
    }

    private void OnRegister(RegisterWorker register)
    {
        if (!_workers.ContainsKey(Sender))
        {
            Context.Watch(Sender);
            _workers[Sender] = register.Name;
            _log.Info("Worker {0} registered ({1} of {2})", register.Name, _workers.Count, _options.ExpectedWorkers);
        }

        Sender.Tell(new WorkerRegistered(_workers.Count));
        StartIfReady();
    }

    private void OnRunPlan(RunPlan plan)
    {
        if (!_requester.IsNobody() || _started)
        {
            Sender.Tell(new PlanFailed("A plan is already running."));
            return;
        }

        _requester = Sender;
        foreach (var step in plan.Steps)
        {
            _steps.Enqueue(step);
        }

        if (_workers.Count < _options.ExpectedWorkers)
        {
            Timers.StartSingleTimer(RegistrationTimer, RegistrationTimedOut.Instance, _options.RegistrationTimeout);
        }

        StartIfReady();
    }

    private void OnRegistrationTimedOut()
    {
        if (!_started && !_requester.IsNobody())
        {
            _requester.Tell(new PlanFailed(
                $"Only {_workers.Count} of {_options.ExpectedWorkers} workers registered within {_options.RegistrationTimeout.TotalSeconds:0}s; " +
                "start them with 'akkarpc bench-worker --coordinator <address>' or lower --workers."));
            _requester = Nobody.Instance;
            _steps.Clear();
        }
    }

    private void StartIfReady()
    {
        if (!_started && !_requester.IsNobody() && _workers.Count >= _options.ExpectedWorkers)
        {
            _started = true;
            Timers.Cancel(RegistrationTimer);
            NextStep();
        }
    }

    private void NextStep()
    {
        if (!_steps.TryDequeue(out var step))
        {
            _requester.Tell(new PlanCompleted([.. _outcomes], [.. _lostWorkers]));
            foreach (var worker in _workers.Keys)
            {
                Context.Unwatch(worker);
                worker.Tell(new WorkerDismissed("the run is complete"));
            }

            _workers.Clear();
            _requester = Nobody.Instance;
            return;
        }

        _current = step;
        _merged = new MetricsMerger();
        _lostClients = 0;
        _lostInStep = [];
        _stepStart = Stopwatch.GetTimestamp();
        Timers.StartSingleTimer(StepTimer, new StepTimedOut(step.Id), step.Workload.MaxDuration + _options.StepGrace);

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

            workers[i].Tell(new RunShare(step.Id, step.System, step.Workload, clients, first));
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
            Context.Unwatch(Sender); // A local collector, which stops now that it has reported.
        }

        _merged.Add(completed.Metrics);
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
            _log.Warning("Benchmark worker {0} went away (node lost: {1}); its clients count as lost", name, terminated.AddressTerminated);
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

    private void OnStepTimedOut(StepTimedOut timedOut)
    {
        if (_current?.Id != timedOut.StepId)
        {
            return;
        }

        foreach (var (source, clients) in _pending)
        {
            _lostClients += clients;
            if (!_workers.ContainsKey(source))
            {
                Context.Unwatch(source);
                Context.Stop(source); // A local collector: stopping it cancels its clients' requests.
            }
        }

        _pending.Clear();
        FinishStep();
    }

    private void FinishStep()
    {
        Timers.Cancel(StepTimer);
        var step = _current!;
        var outcome = new StepOutcome(step, _merged.ToMetrics(), StopwatchNanoseconds.Between(_stepStart, Stopwatch.GetTimestamp()), _lostClients, _lostInStep);
        _outcomes.Add(outcome);
        _current = null;
        _requester.Tell(outcome);
        NextStep();
    }

    private sealed record StepTimedOut(int StepId);

    private sealed record RegistrationTimedOut
    {
        public static readonly RegistrationTimedOut Instance = new();
    }
}
