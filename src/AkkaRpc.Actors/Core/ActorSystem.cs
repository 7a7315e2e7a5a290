using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Actors;

/// <summary>
/// A hierarchy of actors under <c>/user</c> and <c>/system</c>, with its scheduler, event stream and dead letters.
/// Create one with <see cref="Create"/>; stop it with <see cref="Terminate"/>.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimerScheduler _scheduler;
    private readonly DeadLetterActorRef _deadLetters;
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, InternalActorRef> _temp = new(StringComparer.Ordinal);
    private long _tempIds;

    private ActorSystem(string name, ActorSystemOptions options)
    {
        Name = name;
        Options = options;
        LoggerFactory = options.LoggerFactory;
        TimeProvider = options.TimeProvider;
        Address = new Address(Address.LocalProtocol, name);
        _logger = LoggerFactory.CreateLogger<ActorSystem>();
        _scheduler = new TimerScheduler(TimeProvider);
        EventStream = new EventStream();
        var rootPath = new ActorPath(Address, []);
        _deadLetters = new DeadLetterActorRef(this, rootPath / "deadLetters");

        // The root starts last, so its PreStart can watch the guardians.
        _root = new ActorCell(this, null, rootPath.WithUid(NewUid()), Props.Create(static () => new RootGuardianActor()));
        var userStrategy = options.UserGuardianStrategy;
        _userGuardian = ((LocalActorRef)_root.ActorOf(Props.Create(() => new GuardianActor(userStrategy)), "user")).Cell;
        _systemGuardian = ((LocalActorRef)_root.ActorOf(Props.Create(static () => new GuardianActor(SupervisorStrategy.DefaultStrategy)), "system")).Cell;
        _root.Start();
    }

    /// <summary>The system's name, part of every path.</summary>
    public string Name { get; }

    /// <summary>The settings the system was created with.</summary>
    public ActorSystemOptions Options { get; }

    /// <summary>This system's local address (<c>akkarpc://Name</c>).</summary>
    public Address Address { get; }

    /// <summary>Where the kernel and actors log.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The clock behind timers and timeouts.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Delivers messages later.</summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>System-wide publish/subscribe (dead letters and more).</summary>
    public EventStream EventStream { get; }

    /// <summary>Where undeliverable messages go.</summary>
    public IActorRef DeadLetters => _deadLetters;

    /// <summary>How many dead letters (including unhandled messages) the system has seen.</summary>
    public long DeadLetterCount => _deadLetters.Count;

    /// <summary>Completes when the system has fully terminated.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal IActorRef UserGuardian => _userGuardian.Self;

    internal IActorRef SystemGuardian => _systemGuardian.Self;

    internal ActorCell RootCell => _root;

    /// <summary>Creates and starts an actor system.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid system name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ActorSystemOptions.Throughput"/> is less than 1.</exception>
    public static ActorSystem Create(string name, ActorSystemOptions? options = null)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Invalid actor system name '{name}': use ASCII letters, digits, '-' and '_'.", nameof(name));
        }

        options ??= new ActorSystemOptions();

        // A budget of 0 would reschedule a mailbox forever without ever running a message.
        if (options.Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Throughput, "ActorSystemOptions.Throughput must be at least 1.");
        }

        return new ActorSystem(name, options);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>Selects actors by absolute path (<c>/user/a</c> or <c>akkarpc://Name/user/a</c>).</summary>
    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(this, null, path);

    /// <summary>Stops <paramref name="actor"/> after its current message.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ((InternalActorRef)actor).Stop();
    }

    /// <summary>
    /// Stops all actors top-down: each actor's children stop (and run <c>PostStop</c>) before it does,
    /// <c>/user</c> before <c>/system</c>. Returns <see cref="WhenTerminated"/>.
    /// </summary>
    public Task Terminate()
    {
        _userGuardian.Self.Stop();
        return WhenTerminated;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => Address.ToString();

    /// <summary>The remoting layer, when one was started for this system.</summary>
    internal IRemoteActorRefProvider? RemoteProvider { get; set; }

    internal bool IsLocal(Address address) => address.Equals(Address) || RemoteProvider?.IsLocalAddress(address) == true;

    /// <summary>
    /// Makes a reference that is not an actor cell (an ask's temporary reply reference, a test probe) reachable by its
    /// path, so a reply or death notification that comes back over the network finds it. It stays registered until
    /// <paramref name="completion"/> completes, or for the system's lifetime when that is null.
    /// </summary>
    internal void RegisterTemp(InternalActorRef temp, Task? completion)
    {
        var key = temp.Path.ToStringWithoutAddress();
        if (_temp.TryAdd(key, temp) && completion is not null)
        {
            completion.ContinueWith(static (task, state) =>
            {
                var (temps, path) = ((ConcurrentDictionary<string, InternalActorRef>, string))state!;
                temps.TryRemove(path, out _);
            }, (_temp, key), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Forgets a reference registered with <see cref="RegisterTemp"/> (no completion given).</summary>
    internal void UnregisterTemp(InternalActorRef temp) => _temp.TryRemove(temp.Path.ToStringWithoutAddress(), out _);

    /// <summary>
    /// The local actor, or registered reference (see <see cref="RegisterTemp"/>), at <paramref name="path"/>
    /// (without address, e.g. <c>/user/a/b</c> or <c>/temp/$a</c>); null if there is none.
    /// </summary>
    internal InternalActorRef? ResolveLocal(string path)
    {
        if (_temp.TryGetValue(path, out var registered))
        {
            return registered;
        }

        if (path == "/deadLetters")
        {
            return _deadLetters;
        }

        var cell = _root;
        foreach (var element in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            cell = cell.GetChildCell(element);
            if (cell is null)
            {
                return null;
            }
        }

        return cell.Self;
    }

    internal long NewUid()
    {
        long uid;
        do
        {
            uid = Random.Shared.NextInt64();
        }
        while (uid == 0);
        return uid;
    }

    internal long NextTempId() => Interlocked.Increment(ref _tempIds);

    internal ActorPath TempPath(long id) => new(Address, ["temp", ActorPath.GenerateName(id)]);

    internal void OnRootTerminated()
    {
        _scheduler.Dispose();
        _logger.LogDebug("Actor system {System} terminated", Name);
        _terminated.TrySetResult();
    }
}
