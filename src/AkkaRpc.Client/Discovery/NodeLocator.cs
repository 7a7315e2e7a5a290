using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using AkkaRpc.Protocol;
using AkkaRpc.Transport;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Client;

/// <summary>
/// Finds the node that serves a database: the node last used, else the endpoints in order (the Unix socket, the members
/// of a local cluster listed in the runtime directory's cluster.json, then the TCP range); an endpoint held by something
/// that is not an AkkaRpc node, or by a node with another cookie, is skipped with a debug log. If none answers and auto-spawn is on, starts one and polls until it answers.
/// </summary>
internal sealed class NodeLocator
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LastPoll = TimeSpan.FromMilliseconds(50);

    // While a spawned node has not bound its socket yet, a poll costs one stat: poll that often, so a cold start sees
    // the node as soon as it listens instead of up to LastPoll later. Polls that connect somewhere back off to LastPoll.
    private static readonly TimeSpan StatPoll = TimeSpan.FromMilliseconds(5);

    // How long a node whose socket file was removed gets to make it again (a node checks every second by default).
    private static readonly TimeSpan SocketGrace = TimeSpan.FromSeconds(3);

    // How long a cluster member this client could not dial is passed over for its owners (they are reached through the
    // relay of the member the client entered at instead), before it is tried again.
    private static readonly TimeSpan UndialableFor = TimeSpan.FromSeconds(30);

    private readonly ClientRuntime _runtime;
    private readonly AkkaRpcClientOptions _options;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _spawnGate = new(1, 1);
    private readonly Lazy<(string? Socket, Address[] Endpoints)> _endpoints;
    private Address? _current;

    // Cluster members learned from the member last resolved through (its own view, Up ones), tried after the endpoints,
    // so a client moves to another member when its member dies although only one was configured.
    private Address[] _learned = [];
    private Address? _learnedFrom;

    // Owners' members this client failed to dial, with when: reached through a relay until UndialableFor has passed.
    private readonly ConcurrentDictionary<Address, long> _undialable = new();

    public NodeLocator(ClientRuntime runtime, AkkaRpcClientOptions options, ILogger log)
    {
        _runtime = runtime;
        _options = options;
        _log = log;
        _endpoints = new(() =>
        {
            if (options.ExplicitNode is { } explicitNode)
            {
                return (null, [explicitNode]);
            }

            var socket = ClientPaths.UnixSocket(options);
            var list = new List<Address>();
            if (socket is not null)
            {
                list.Add(UnixSocketAddress.ToAddress(socket, options.SystemName));
            }

            // The members of a local cluster (akkarpc cluster start) come next: any live one serves every database.
            list.AddRange(LocalClusterFile.MemberAddresses(options));

            // A node binds an address and calls itself by it (127.0.0.1 unless told otherwise), and Akka.Remote delivers
            // only what is addressed so: "localhost" here means the loopback address a node would use.
            var host = options.TcpHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" : options.TcpHost;
            for (var port = options.TcpPort; port < options.TcpPort + options.TcpPortCount; port++)
            {
                list.Add(new Address("akka." + RpcTcpTransport.Scheme, options.SystemName, host, port));
            }

            return (socket, list.ToArray());
        });
    }

    /// <summary>The endpoints looked at, in order.</summary>
    public IReadOnlyList<Address> Endpoints => _endpoints.Value.Endpoints;

    /// <summary>The node the last successful lookup used, if any.</summary>
    public Address? Current => Volatile.Read(ref _current);

    /// <summary>Forgets <paramref name="node"/> as the current node (it could not be reached), so the next lookup scans.</summary>
    public void Forget(Address node) => Interlocked.CompareExchange(ref _current, null, node);

    /// <summary>
    /// Notes that <paramref name="member"/>, the cluster member of an owner found through another member, could not be
    /// dialed: for a while, owners there are reached through the relay of the member the lookup went through instead.
    /// </summary>
    public void Undialable(Address member)
    {
        _undialable[member] = Stopwatch.GetTimestamp();
        _log.LogDebug("Could not dial cluster member {Member}; its owners are reached through a relay for {Seconds} s", member, UndialableFor.TotalSeconds);
    }

    private bool IsUndialable(Address member)
    {
        if (!_undialable.TryGetValue(member, out var since))
        {
            return false;
        }

        if (Stopwatch.GetElapsedTime(since) < UndialableFor)
        {
            return true;
        }

        _undialable.TryRemove(KeyValuePair.Create(member, since));
        return false;
    }

    /// <summary>
    /// Resolves the owner of <paramref name="database"/>, finding or starting a node. Node is where requests to Owner go:
    /// in a cluster, the member that runs the owner, which may not be the member the lookup went through.
    /// </summary>
    /// <exception cref="NodeUnreachableException">No node answered and none could be started.</exception>
    /// <exception cref="AkkaRpcException">The node answered with an error for this database (not found, unavailable).</exception>
    public async Task<(Address Node, IActorRef Owner)> ResolveAsync(string database, CancellationToken cancellationToken)
    {
        var skipped = new List<string>();
        if (await ScanAsync(database, skipped, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        if (NodeLockInfo.LiveNodeWithoutSocket(_options, _endpoints.Value.Socket) is not null)
        {
            // A node runs but cannot be reached: starting another would only lose its lock race. Give the live one a
            // moment to listen again, then say what is wrong.
            if (await WaitForSocketAsync(cancellationToken).ConfigureAwait(false)
                && await ScanAsync(database, skipped, cancellationToken).ConfigureAwait(false) is { } back)
            {
                return back;
            }

            if (NodeLockInfo.LiveNodeWithoutSocket(_options, _endpoints.Value.Socket) is { } orphaned)
            {
                throw new NodeUnreachableException(orphaned);
            }
        }

        var why = Environment.NewLine + string.Join(Environment.NewLine, skipped.Select(s => "  " + s));
        if (_options.ExplicitNode is { } node)
        {
            throw new NodeUnreachableException($"No AkkaRpc node answers at {node} (client.node-address); nothing else is tried." + why);
        }

        if (!_options.AutoSpawn)
        {
            throw new NodeUnreachableException(
                $"No AkkaRpc node at {Describe(Endpoints)}, and auto-spawn is off. Start one with 'akkarpc serve' or turn auto-spawn on." + why);
        }

        return await SpawnAsync(database, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why no node answers although one runs (its socket file is missing while it holds the lock), or null.</summary>
    public string? LiveNodeWithoutSocket() => NodeLockInfo.LiveNodeWithoutSocket(_options, _endpoints.Value.Socket);

    /// <summary>Every endpoint that answers as an AkkaRpc node, with its address (for <c>akkarpc status</c>).</summary>
    public async Task<IReadOnlyList<Address>> FindNodesAsync(CancellationToken cancellationToken)
    {
        var nodes = new List<Address>();
        foreach (var endpoint in Endpoints)
        {
            if (MissingSocket(endpoint) is not null)
            {
                continue;
            }

            try
            {
                var identity = await _runtime.AskAsync<ActorIdentity>(
                    _runtime.System.ActorSelection(new RootActorPath(endpoint) / "user" / NodePaths.DatabasesName), endpoint, new Identify(null), _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
                if (identity.Subject is null)
                {
                    _log.LogDebug("{Endpoint} is an actor system but serves no databases", endpoint);
                    continue;
                }

                nodes.Add(endpoint);
            }
            catch (AssociationLostException e)
            {
                _log.LogDebug("No AkkaRpc node at {Endpoint}: {Reason}", endpoint, e.Reason);
            }
        }

        return nodes;
    }

    private async Task<(Address, IActorRef)?> ScanAsync(string database, List<string> skipped, CancellationToken cancellationToken)
    {
        var current = Current;
        if (current is not null && await TryResolveAsync(current, database, skipped, cancellationToken).ConfigureAwait(false) is { } again)
        {
            return again;
        }

        foreach (var endpoint in Endpoints)
        {
            if (endpoint != current && await TryResolveAsync(endpoint, database, skipped, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }
        }

        foreach (var member in Volatile.Read(ref _learned))
        {
            if (member != current && !Endpoints.Contains(member) && await TryResolveAsync(member, database, skipped, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The cluster members last learned (none for a single node), for tests and diagnostics.</summary>
    internal IReadOnlyList<Address> LearnedMembers => Volatile.Read(ref _learned);

    /// <summary>Learns, in the background, the other members of <paramref name="endpoint"/>'s cluster, unless learned from it already.</summary>
    private void Learn(Address endpoint)
    {
        if (Interlocked.Exchange(ref _learnedFrom, endpoint) == endpoint)
        {
            return;
        }

        _ = LearnAsync(endpoint);
    }

    private async Task LearnAsync(Address endpoint)
    {
        try
        {
            var status = await _runtime.AskAsync<NodeStatus>(
                _runtime.System.ActorSelection(new RootActorPath(endpoint) / "user" / NodePaths.AdminName), endpoint, GetNodeStatus.ThisMember, _options.RequestTimeout, CancellationToken.None).ConfigureAwait(false);
            var members = status.Members
                .Where(m => m.Status is "Up" or "WeaklyUp")
                .Select(m => Address.TryParse(m.Address, out var address) ? address : null)
                .OfType<Address>()
                .Where(a => a != endpoint)
                .ToArray();
            Volatile.Write(ref _learned, members);
            if (members.Length > 0)
            {
                _log.LogDebug("{Endpoint} is a cluster member; learned {Count} other members: {Members}", endpoint, members.Length, string.Join(", ", members.Select(m => m.ToString())));
            }
        }
        catch (Exception e) when (e is AssociationLostException or AskTimeoutException or OperationCanceledException or InvalidCastException)
        {
            // Learned next time: a member list is a help for failover, not needed to serve.
            Interlocked.CompareExchange(ref _learnedFrom, null, endpoint);
            _log.LogDebug("Could not learn the cluster members of {Endpoint}: {Reason}", endpoint, e.Message);
        }
    }

    /// <summary>
    /// Asks <paramref name="endpoint"/> for the owner of <paramref name="database"/> itself (<see cref="LocateOwner"/>):
    /// a single node's own, or that of the cluster member that runs it (its gate to the owner, in-process with it). When
    /// the owner runs on another member, that member is asked in turn, and requests go there (one hop, as to a single
    /// node). If it cannot be dialed (or moved meanwhile), <paramref name="endpoint"/>'s relay is used instead
    /// (<see cref="Resolve"/>). Null if <paramref name="endpoint"/> does not answer.
    /// </summary>
    private async Task<(Address Node, IActorRef Owner)?> TryResolveAsync(Address endpoint, string database, List<string> skipped, CancellationToken cancellationToken)
    {
        if (await TryAskAsync(endpoint, new LocateOwner(database), database, skipped, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return null;
        }

        // A reference carries the address its node sent it under: for the node's own owner, the endpoint asked.
        var member = owner.Path.Address;
        if (!member.HasGlobalScope || member == endpoint)
        {
            return (endpoint, owner);
        }

        // Never the owner reference itself: only the owner's own member may let a request through to it (it runs nothing
        // while it cannot see a majority of the cluster).
        if (!IsUndialable(member))
        {
            var skippedThere = new List<string>();
            if (await TryAskAsync(member, new LocateOwner(database), database, skippedThere, cancellationToken).ConfigureAwait(false) is { } gate
                && gate.Path.Address == member)
            {
                _log.LogDebug("{Endpoint} locates the owner of {Database} on cluster member {Member}; requests go there", endpoint, database, member);
                return (member, gate);
            }

            if (skippedThere.Count > 0)
            {
                Undialable(member);
            }
        }

        return await TryAskAsync(endpoint, new Resolve(database), database, skipped, cancellationToken).ConfigureAwait(false) is { } relay
            ? (endpoint, relay)
            : null;
    }

    private async Task<IActorRef?> TryAskAsync(Address endpoint, object question, string database, List<string> skipped, CancellationToken cancellationToken)
    {
        // A missing socket file is known without a connection attempt; this keeps polling after a spawn cheap.
        if (MissingSocket(endpoint) is { } socket)
        {
            skipped.Add($"{socket}: no socket file");
            return null;
        }

        DatabaseReply reply;
        try
        {
            reply = await _runtime.AskAsync<DatabaseReply>(
                _runtime.System.ActorSelection(new RootActorPath(endpoint) / "user" / NodePaths.DatabasesName), endpoint, question, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AssociationLostException e)
        {
            Forget(endpoint);
            skipped.Add($"{Describe(endpoint)}: {e.Reason}");
            _log.LogDebug("Skipping {Endpoint}: {Reason}", endpoint, e.Reason);
            return null;
        }
        catch (AskTimeoutException e)
        {
            throw new RequestTimeoutException($"The node at {endpoint} did not resolve '{database}' within {_options.RequestTimeout.TotalSeconds:0.#} s.", e);
        }

        switch (reply)
        {
            case Resolved resolved:
                Volatile.Write(ref _current, endpoint);
                Learn(endpoint);
                return resolved.Owner;
            case DatabaseError error:
                throw ErrorMapper.Map(error);
            default:
                throw new InvalidOperationException($"The node at {endpoint} answered Resolve with {reply.GetType().Name}.");
        }
    }

    private async Task<(Address, IActorRef)> SpawnAsync(string database, CancellationToken cancellationToken)
    {
        await _spawnGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller in this process may have started the node while this one waited.
            var skipped = new List<string>();
            if (await ScanAsync(database, skipped, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }

            var runtimeDirectory = ClientPaths.RuntimeDirectory(_options);
            using var node = NodeSpawner.Start(_options, runtimeDirectory, _endpoints.Value.Socket);
            _log.LogInformation("No node answered at {Endpoints}; started one (log: {Log})", Describe(Endpoints), node.LogFile);
            var deadline = Stopwatch.StartNew();
            var delay = FirstPoll;
            while (true)
            {
                skipped.Clear();
                if (await ScanAsync(database, skipped, cancellationToken).ConfigureAwait(false) is { } up)
                {
                    return up;
                }

                // Exit code 0 is the quiet loser of the lock race: the winner is coming up, keep polling.
                if (node.ExitCode is { } code and not 0)
                {
                    throw new NodeUnreachableException($"The node started for '{database}' exited with code {code}. Its log, {node.LogFile}, ends with:{Environment.NewLine}{node.Tail()}");
                }

                if (deadline.Elapsed >= _options.SpawnTimeout)
                {
                    throw new NodeUnreachableException(
                        $"The node started for '{database}' did not answer at {Describe(Endpoints)} within {_options.SpawnTimeout.TotalSeconds:0.#} s " +
                        $"(spawn-timeout). Its log, {node.LogFile}, ends with:{Environment.NewLine}{node.Tail()}");
                }

                if (Endpoints.All(e => MissingSocket(e) is not null))
                {
                    await Task.Delay(StatPoll, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(LastPoll.Ticks, delay.Ticks * 2));
            }
        }
        finally
        {
            _spawnGate.Release();
        }
    }

    /// <summary>Waits up to <see cref="SocketGrace"/> for the Unix socket file to appear; true if it did.</summary>
    private async Task<bool> WaitForSocketAsync(CancellationToken cancellationToken)
    {
        var socket = _endpoints.Value.Socket!;
        var waited = Stopwatch.StartNew();
        while (!File.Exists(socket))
        {
            if (waited.Elapsed >= SocketGrace)
            {
                return false;
            }

            await Task.Delay(LastPoll, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static string Describe(IReadOnlyList<Address> endpoints) => string.Join(", ", endpoints.Select(Describe));

    private static string Describe(Address endpoint) => UnixSocketAddress.TryGetSocketPath(endpoint, out var socket) ? socket : $"{endpoint.Host}:{endpoint.Port}";

    // The socket path of a Unix endpoint whose file does not exist (so no node listens there), else null.
    private static string? MissingSocket(Address endpoint) =>
        UnixSocketAddress.TryGetSocketPath(endpoint, out var socket) && !File.Exists(socket) ? socket : null;
}
