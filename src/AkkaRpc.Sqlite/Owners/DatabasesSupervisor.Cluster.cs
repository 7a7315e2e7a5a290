using Akka.Actor;

namespace AkkaRpc.Sqlite;

public sealed partial class DatabasesSupervisor
{
    // Set in cluster mode: how clients' relays reach owners through the shard region.
    private readonly ShardedDatabasesOptions? _sharded;

    // One relay per client system and database; both directions, so a stopped relay is forgotten at once.
    private readonly Dictionary<(Address Client, string Name), IActorRef> _relays = [];
    private readonly Dictionary<IActorRef, (Address Client, string Name)> _relayKeys = [];
    private readonly List<(Resolve Request, IActorRef Sender, bool Direct)> _beforeRegion = [];
    private IActorRef? _region;
    private long _relayCount;
    private PauseFence? _fence;

    private sealed record FenceTick
    {
        public static FenceTick Instance { get; } = new();
    }

    /// <summary>
    /// Props for the supervisor of a cluster member: clients' <see cref="Resolve"/>s are answered with a relay on this
    /// member that reaches the database's one owner wherever the shard region placed it (<see cref="ClientRelay"/>),
    /// their <see cref="LocateOwner"/>s with that owner itself (found by the same relay), and owners start here only when
    /// this member's shard entity asks (<see cref="Host"/>). Send it
    /// <see cref="UseShardRegion"/> once the region runs; resolves wait until then.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static Props ShardedProps(DatabasesOptions options, ShardedDatabasesOptions sharded)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sharded);
        options.Validate();
        sharded.Validate();
        return Akka.Actor.Props.Create(() => new DatabasesSupervisor(options, sharded));
    }

    /// <summary>Gives a cluster member's supervisor the shard region of <see cref="DatabaseShards.TypeName"/>.</summary>
    /// <param name="Region">The region (or a proxy of it, on a member that hosts no owners).</param>
    public sealed record UseShardRegion(IActorRef Region);

    /// <summary>Sent by a shard entity on this member: start (or find) the owner of a database here.</summary>
    internal sealed record Host(Resolve Resolve);

    /// <summary>Sent by a shard entity handing its shard over: close the owner after the requests queued for it.</summary>
    internal sealed record Release(IActorRef Owner);

    private bool Sharded => _sharded is not null;

    private void ServingSharded()
    {
        Receive<FenceTick>(_ => _fence?.Tick(Akka.Cluster.Cluster.Get(Context.System).State.Members.Count));
        Receive<UseShardRegion>(use =>
        {
            _region = use.Region;

            // Gates (relays) exist from here on, so the fence starts ticking now. A member paused longer than the failure
            // detector allows may have been downed meanwhile: its gates stay shut for as long as the others take to
            // down it (stable-after) and it takes to learn so (the pause again).
            var config = Context.System.Settings.Config;
            var pause = config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause", TimeSpan.FromSeconds(3));
            var stableAfter = config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after", TimeSpan.FromSeconds(20));
            _fence ??= new PauseFence(pause, stableAfter + pause);
            Timers.StartPeriodicTimer(nameof(FenceTick), FenceTick.Instance, PauseFence.TickInterval);
            foreach (var (resolve, sender, direct) in _beforeRegion)
            {
                OnClientResolve(resolve, sender, direct);
            }

            _beforeRegion.Clear();
        });
        Receive<Resolve>(r => OnClientResolve(r, Sender, direct: false));
        Receive<LocateOwner>(l => OnClientResolve(new Resolve(l.Name), Sender, direct: true));
        Receive<Host>(host => OnResolve(host.Resolve, Sender));
        Receive<Release>(release => OnRelease(release.Owner));
    }

    /// <summary>
    /// A client's <see cref="Resolve"/> (<paramref name="direct"/>: <see cref="LocateOwner"/>) on a cluster member:
    /// answered by its relay for that database, with itself or with the owner it found.
    /// </summary>
    private void OnClientResolve(Resolve resolve, IActorRef sender, bool direct)
    {
        var name = resolve.Name;
        if (!DatabaseNames.IsValid(name, out var reason))
        {
            sender.Tell(new InvalidDatabaseName(name ?? "", reason!));
            return;
        }

        if (_region is null)
        {
            _beforeRegion.Add((resolve, sender, direct));
            return;
        }

        var key = (sender.Path.Address, name);
        if (!_relays.TryGetValue(key, out var relay))
        {
            // '~' never appears in a database name, so a relay's name cannot take an owner's.
            relay = Context.Watch(Context.ActorOf(ClientRelay.Props(name, key.Address, _region, _sharded!, _fence!), "client~" + ++_relayCount));
            _relays[key] = relay;
            _relayKeys[relay] = key;
        }

        relay.Tell(direct ? new LocateOwner(name) : resolve, sender);
    }

    /// <summary>Forgets a relay that stopped; false if <paramref name="actor"/> is not one.</summary>
    private bool RelayStopped(IActorRef actor)
    {
        if (!_relayKeys.Remove(actor, out var key))
        {
            return false;
        }

        _relays.Remove(key);
        return true;
    }

    private void OnRelease(IActorRef actor)
    {
        if (StateOf(actor) is { Retiring: false } owner)
        {
            owner.Retiring = true;
            Timers.Cancel(owner.ReopenTimer);

            // Behind any request already queued for it: those are answered before it closes.
            actor.Tell(PoisonPill.Instance);
        }
    }
}
