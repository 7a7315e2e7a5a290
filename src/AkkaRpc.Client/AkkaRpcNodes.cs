using System.Diagnostics;
using Akka.Actor;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>The nodes at a client's endpoints: what they serve (<see cref="StatusAsync"/>), and stopping them cleanly (<see cref="StopAsync"/>). Neither starts a node.</summary>
public static class AkkaRpcNodes
{
    /// <summary>The status of every node that answers at the configured endpoints; empty when none runs.</summary>
    /// <exception cref="NodeUnreachableException">None answers, yet a node holds the lock: its socket file was removed.</exception>
    public static async Task<IReadOnlyList<NodeStatus>> StatusAsync(AkkaRpcClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = Prepare(options);
        await using var runtime = ClientRuntime.StartPrivate(options);
        var statuses = new List<NodeStatus>();
        var locator = runtime.LocatorFor(options);
        foreach (var node in await locator.FindNodesAsync(cancellationToken).ConfigureAwait(false))
        {
            statuses.Add(await AskAsync<NodeStatus>(runtime, node, GetNodeStatus.Instance, options, cancellationToken).ConfigureAwait(false));
        }

        // "No node runs" would be wrong: one does, and auto-spawn could not start another.
        if (statuses.Count == 0 && locator.LiveNodeWithoutSocket() is { } orphaned)
        {
            throw new NodeUnreachableException(orphaned);
        }

        return statuses;
    }

    /// <summary>
    /// Asks every node at the configured endpoints to shut down cleanly (queued requests answered, databases closed) and
    /// waits until each stops answering. Returns the process ids of the nodes stopped; empty when none ran.
    /// </summary>
    /// <param name="reason">Logged by the node.</param>
    /// <param name="options">Where to look; null for the defaults.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="RequestTimeoutException">A node still answered after <see cref="AkkaRpcClientOptions.RequestTimeout"/>.</exception>
    public static async Task<IReadOnlyList<int>> StopAsync(string reason, AkkaRpcClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = Prepare(options);
        await using var runtime = ClientRuntime.StartPrivate(options);
        var locator = runtime.LocatorFor(options);
        var stopped = new List<(Address Node, int Pid)>();
        foreach (var node in await locator.FindNodesAsync(cancellationToken).ConfigureAwait(false))
        {
            var stopping = await AskAsync<NodeStopping>(runtime, node, new StopNode(reason), options, cancellationToken).ConfigureAwait(false);
            stopped.Add((node, stopping.ProcessId));
        }

        // A stopping node answers its queued requests, closes its databases, then stops listening: wait for that, by
        // its endpoint rather than its pid, which means nothing across containers.
        var watch = Stopwatch.StartNew();
        while (stopped.Count > 0 && (await locator.FindNodesAsync(cancellationToken).ConfigureAwait(false)).Any(n => stopped.Any(s => s.Node == n)))
        {
            if (watch.Elapsed > options.RequestTimeout)
            {
                throw new RequestTimeoutException($"The node(s) {string.Join(", ", stopped.Select(s => $"{s.Node} (pid {s.Pid})"))} were asked to stop but still answer after {options.RequestTimeout.TotalSeconds:0.#} s.");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        return [.. stopped.Select(s => s.Pid)];
    }

    private static AkkaRpcClientOptions Prepare(AkkaRpcClientOptions? options)
    {
        options = (options ?? new AkkaRpcClientOptions()).Clone();
        options.AutoSpawn = false;
        options.Validate();
        return options;
    }

    private static async Task<T> AskAsync<T>(ClientRuntime runtime, Address node, object message, AkkaRpcClientOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.AskAsync<T>(runtime.System.ActorSelection(new RootActorPath(node) / "user" / NodePaths.AdminName), node, message, options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new RequestTimeoutException($"The node at {node} did not answer {message.GetType().Name} within {options.RequestTimeout.TotalSeconds:0.#} s.", e);
        }
        catch (AssociationLostException e)
        {
            throw new NodeUnreachableException($"The node at {node} went away while asked for {message.GetType().Name}: {e.Reason}", e);
        }
    }
}
